import { Button, Drawer, InlineTip, Input, Label, RadioGroup, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { ApiErrorAlert } from "../../../../../components/api-error-alert"
import { useCurrentUser } from "../../../../../lib/api/me"
import { useSendTemplateTestEmail } from "../../../../../lib/api/templates"
import { MailerApiError } from "../../../../../lib/client"
import { MAILER_PATHS } from "../../../../../lib/paths"
import type { MailerMessage } from "../../../../../lib/types"
import { OrderPicker, type PickedOrder } from "./order-picker"
import { DrawerHeader } from "../../../../../components/drawer-header"

type Recipient = "me" | "other"

/**
 * "Send test mail": the SAVED template (stored or shipped default) to the admin or another
 * address, with sample data or a real order. With unsaved changes it asks to save first
 * instead of saving on its own: saving publishes the template to customers, a test must not.
 */
export const TestMailDrawer = ({
  templateId,
  isDirty,
  initialOrder,
  open,
  onOpenChange,
}: {
  templateId: string
  isDirty: boolean
  initialOrder: PickedOrder | null
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useTranslation("mailer")
  const navigate = useNavigate()
  const me = useCurrentUser()
  const send = useSendTemplateTestEmail(templateId)
  const [recipient, setRecipient] = useState<Recipient>("me")
  const [address, setAddress] = useState("")
  const [order, setOrder] = useState<PickedOrder | null>(initialOrder)

  const to = recipient === "me" ? me.data?.email ?? null : address.trim()
  const canSend = !isDirty && !!to && !send.isPending

  const announce = (message: MailerMessage) => {
    const openLog = { label: t("templates.test.openLog"), altText: t("templates.test.openLog"), onClick: () => navigate(`${MAILER_PATHS.log}/${message.id}`) }
    if (message.status === "failed") {
      toast.error(message.error?.message ?? t("templates.test.failed"), { description: message.error?.hint, action: openLog })
    } else {
      toast.success(t("templates.test.sent", { to: message.envelope?.to?.join(", ") ?? to }), { action: openLog })
    }
  }

  const onSend = async () => {
    try {
      const { message } = await send.mutateAsync({ to, order_id: order?.id ?? null })
      announce(message)
      onOpenChange(false)
    } catch (err) {
      toast.error(t("templates.test.failed"), { description: err instanceof MailerApiError ? err.hint ?? err.message : String(err) })
    }
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="mailer-template-test-drawer">
        <DrawerHeader title={t("templates.test.title")} description={t("templates.test.description")} />
        <Drawer.Body className="flex flex-col gap-y-6">
          {isDirty && (
            <InlineTip label={t("templates.test.saveFirstLabel")} variant="warning" data-testid="mailer-template-test-save-first">
              {t("templates.test.saveFirst")}
            </InlineTip>
          )}
          <div className="flex flex-col gap-y-2">
            <Label size="small" weight="plus" id="mailer-test-recipient">
              {t("templates.test.recipient")}
            </Label>
            <RadioGroup value={recipient} onValueChange={(v) => setRecipient(v as Recipient)} aria-labelledby="mailer-test-recipient">
              <RadioGroup.ChoiceBox value="me" label={t("templates.test.toMe")} description={me.data?.email ?? t("states.loading")} />
              <RadioGroup.ChoiceBox value="other" label={t("templates.test.toOther")} description={t("templates.test.toOtherHelp")} />
            </RadioGroup>
            {recipient === "other" && (
              <Input
                type="email"
                value={address}
                onChange={(e) => setAddress(e.target.value)}
                placeholder="name@example.com"
                aria-label={t("templates.test.address")}
                data-testid="mailer-template-test-address"
              />
            )}
          </div>
          <div className="flex flex-col gap-y-2">
            <Label size="small" weight="plus">
              {t("templates.preview.dataSource")}
            </Label>
            <OrderPicker value={order} onChange={setOrder} testId="mailer-template-test-order" />
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {t("templates.test.testModeNote")}
          </Text>
          {send.error && <ApiErrorAlert error={send.error} />}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("actions.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={onSend} disabled={!canSend} isLoading={send.isPending} data-testid="mailer-template-test-send">
            {t("templates.test.send")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
