import { Alert, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { MailerMessage } from "../../../../../../lib/types"

/** Why the mail failed, what to do about it, and what the mail server said, in that order. */
export const MessageError = ({ message }: { message: MailerMessage }) => {
  const { t } = useTranslation("mailer")
  const error = message.error
  if (!error) return null
  const waiting = message.status === "queued"
  return (
    <Alert variant={waiting ? "warning" : "error"} data-testid="mailer-message-error">
      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          {error.message}
        </Text>
        {error.hint && (
          <Text size="small">
            <span className="font-medium">{t("error.hint")}: </span>
            {error.hint}
          </Text>
        )}
        {error.detail && error.detail !== error.message && (
          <Text size="xsmall" className="text-ui-fg-subtle break-all font-mono">
            {t("error.detail")}: {error.detail}
          </Text>
        )}
        <Text size="xsmall" className="text-ui-fg-muted">
          {t("error.code")}: {error.code}
          {message.smtp_response_code ? ` · SMTP ${message.smtp_response_code}` : ""}
        </Text>
        {waiting && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("log.detail.willRetry")}
          </Text>
        )}
      </div>
    </Alert>
  )
}
