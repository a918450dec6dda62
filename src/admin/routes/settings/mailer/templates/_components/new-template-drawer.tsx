import { Button, Drawer, Input, Label, Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import type { SalesChannelOption } from "../../../../../lib/api/sales-channels"
import type { MailerEvent } from "../../../../../lib/types"
import { normalizeLocale, templateEditorPath } from "./template-model"
import { DrawerHeader } from "../../../../../components/drawer-header"

const ALL_CHANNELS = "__all__"
/** A language code as the API takes it: `fr`, `de-AT`, `de_CH`. */
const LOCALE_PATTERN = /^[a-z]{2,3}([-_][a-z0-9]{2,8})?$/i

/**
 * A template for another language or for a single sales channel: choose where, then the
 * editor opens there with the nearest shipped text to start from. Nothing is saved here.
 */
export const NewTemplateDrawer = ({ events, channels }: { events: MailerEvent[]; channels: SalesChannelOption[] }) => {
  const { t } = useTranslation("mailer")
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const [eventName, setEventName] = useState(events[0]?.name ?? "")
  const [locale, setLocale] = useState("de")
  const [channel, setChannel] = useState(ALL_CHANNELS)
  const localeValid = LOCALE_PATTERN.test(locale.trim())

  const onOpen = () => {
    const channelId = channel === ALL_CHANNELS ? null : channel
    navigate(templateEditorPath(eventName, normalizeLocale(locale), channelId))
  }

  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="mailer-template-new">
          {t("templates.new.button")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content data-testid="mailer-template-new-drawer">
        <DrawerHeader title={t("templates.new.title")} description={t("templates.new.description")} />
        <Drawer.Body className="flex flex-col gap-y-4">
          <div className="flex flex-col gap-y-1">
            <Label size="small" weight="plus" id="mailer-new-event">
              {t("templates.matrix.event")}
            </Label>
            <Select value={eventName} onValueChange={setEventName}>
              <Select.Trigger aria-labelledby="mailer-new-event">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {events.map((event) => (
                  <Select.Item key={event.name} value={event.name}>
                    {event.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small" weight="plus" htmlFor="mailer-new-locale">
              {t("templates.new.locale")}
            </Label>
            <Input id="mailer-new-locale" value={locale} onChange={(e) => setLocale(e.target.value)} aria-invalid={!localeValid} data-testid="mailer-template-new-locale" />
            <Text size="xsmall" className={localeValid ? "text-ui-fg-subtle" : "text-ui-fg-error"}>
              {t("templates.new.localeHint")}
            </Text>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small" weight="plus" id="mailer-new-channel">
              {t("templates.new.channel")}
            </Label>
            <Select value={channel} onValueChange={setChannel}>
              <Select.Trigger aria-labelledby="mailer-new-channel">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL_CHANNELS}>{t("templates.editor.allChannels")}</Select.Item>
                {channels.map((c) => (
                  <Select.Item key={c.id} value={c.id}>
                    {c.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("actions.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={onOpen} disabled={!eventName || !localeValid} data-testid="mailer-template-new-open">
            {t("templates.new.open")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
