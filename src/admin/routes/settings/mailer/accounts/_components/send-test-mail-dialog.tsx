import { Button, Input, Label, Prompt, RadioGroup, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useSendAccountTestEmail } from "../../../../../lib/api/accounts"
import { useCurrentUser } from "../../../../../lib/api/me"
import type { MailerAccount, MailerMessage } from "../../../../../lib/types"
import { errorDescription, toastApiError } from "./use-account-actions"

const recipients = (message: MailerMessage) => (Array.isArray(message.to) ? message.to.join(", ") : message.to ?? "")

/**
 * "Send test mail" through the normal outbox: to the logged-in admin or another address.
 * The result (sent, or failed with the error's hint) comes as a toast.
 */
export function SendTestMailDialog({
  account,
  open,
  onOpenChange,
}: {
  account: MailerAccount
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { t } = useTranslation("mailer")
  const me = useCurrentUser()
  const send = useSendAccountTestEmail(account.id)
  const [target, setTarget] = useState<"me" | "other">("me")
  const [other, setOther] = useState("")
  const to = target === "me" ? me.data?.email : other.trim()

  const onSend = () =>
    send.mutate(
      { to: to || null },
      {
        onSuccess: ({ message }) => {
          if (message.status === "sent") {
            toast.success(t("accounts.toast.testMailSent", { to: recipients(message) }))
          } else {
            toast.error(message.error?.message ?? t(`messageStatus.${message.status}`), {
              description: errorDescription(message.error?.hint, message.error?.detail),
            })
          }
          onOpenChange(false)
        },
        onError: toastApiError,
      }
    )

  return (
    <Prompt open={open} onOpenChange={onOpenChange} variant="confirmation">
      <Prompt.Content data-testid="mailer-account-test-mail-dialog">
        <Prompt.Header>
          <Prompt.Title>{t("accounts.testMail.title")}</Prompt.Title>
          <Prompt.Description>
            {account.test_mode ? t("accounts.testMail.descriptionTestMode") : t("accounts.testMail.description")}
          </Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-3 px-6 pb-4">
          <RadioGroup value={target} onValueChange={(value) => setTarget(value as "me" | "other")}>
            <div className="flex items-center gap-x-2">
              <RadioGroup.Item value="me" id="mailer-test-to-me" />
              <Label htmlFor="mailer-test-to-me" size="small">
                {t("accounts.testMail.toMe", { email: me.data?.email ?? "…" })}
              </Label>
            </div>
            <div className="flex items-center gap-x-2">
              <RadioGroup.Item value="other" id="mailer-test-to-other" />
              <Label htmlFor="mailer-test-to-other" size="small">
                {t("accounts.testMail.toOther")}
              </Label>
            </div>
          </RadioGroup>
          {target === "other" && (
            <Input
              type="email"
              size="small"
              value={other}
              onChange={(e) => setOther(e.target.value)}
              aria-label={t("accounts.testMail.address")}
              placeholder={account.sender_email}
              data-testid="mailer-account-test-mail-to"
              autoFocus
            />
          )}
          {me.error && target === "me" && (
            <Text size="small" className="text-ui-fg-error">
              {t("accounts.testMail.meUnknown")}
            </Text>
          )}
        </div>
        <Prompt.Footer>
          <Button size="small" variant="secondary" type="button" onClick={() => onOpenChange(false)}>
            {t("actions.cancel")}
          </Button>
          <Button
            size="small"
            type="button"
            onClick={onSend}
            isLoading={send.isPending}
            disabled={!to}
            data-testid="mailer-account-test-mail-send"
          >
            {t("actions.send")}
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
