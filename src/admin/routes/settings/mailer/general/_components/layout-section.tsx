import { Button, Container, Heading, InlineTip, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { ApiErrorAlert } from "../../../../../components/api-error-alert"
import { useUpdateSettings } from "../../../../../lib/api/settings"
import type { MailerSettings } from "../../../../../lib/types"
import { LayoutPreview } from "./layout-preview"
import { toastApiError } from "../../../../../lib/toast-error"

/**
 * The HTML every mail is wrapped in, with `{{{body}}}` where the mail goes. Empty means the
 * plugin's own layout. The preview beside it follows the draft as it is typed.
 */
export const LayoutSection = ({ settings }: { settings: MailerSettings }) => {
  const { t } = useTranslation("mailer")
  const stored = settings.layout_html ?? ""
  const [draft, setDraft] = useState(stored)
  const update = useUpdateSettings()

  const onSave = async () => {
    try {
      await update.mutateAsync({ layout_html: draft.trim() === "" ? null : draft })
      toast.success(t("settings.layout.saved"))
    } catch (err) {
      toastApiError(err)
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="mailer-settings-layout">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">{t("settings.layout.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("settings.layout.description", { placeholder: "{{{body}}}" })}
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-4 px-6 py-4 xl:grid-cols-2">
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="mailer-settings-layout_html" size="small" weight="plus">
            {t("settings.layout.label")}
          </Label>
          <Textarea
            id="mailer-settings-layout_html"
            className="min-h-[360px] font-mono text-xs"
            spellCheck={false}
            value={draft}
            placeholder={t("settings.layout.placeholder")}
            onChange={(event) => setDraft(event.target.value)}
          />
          {draft.trim() === "" && <InlineTip label={t("settings.layout.shippedLabel")}>{t("settings.layout.shippedTip")}</InlineTip>}
          {update.error && <ApiErrorAlert error={update.error} />}
        </div>
        <LayoutPreview draft={draft} storedIsShipped={stored.trim() === ""} />
      </div>
      <div className="flex items-center justify-end gap-x-2 px-6 py-4">
        <Button size="small" variant="secondary" disabled={draft === "" || update.isPending} onClick={() => setDraft("")} data-testid="mailer-settings-layout-reset">
          {t("settings.layout.useShipped")}
        </Button>
        <Button size="small" isLoading={update.isPending} disabled={draft === stored} onClick={onSave} data-testid="mailer-settings-layout-save">
          {t("actions.save")}
        </Button>
      </div>
    </Container>
  )
}
