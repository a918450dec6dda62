import { Alert, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { ApiErrorAlert } from "../../../../../components/api-error-alert"
import type { MailerMessage } from "../../../../../lib/types"

/** Where the sample went (test mode reroutes it), or why it did not go. */
export const SampleResult = ({ message, error }: { message: MailerMessage | undefined; error: unknown }) => {
  const { t } = useTranslation("mailer")
  if (error) return <ApiErrorAlert error={error} />
  if (!message) return null
  const deliveredTo = message.envelope?.to?.join(", ") ?? (Array.isArray(message.to) ? message.to.join(", ") : message.to)
  if (message.status === "sent") {
    return (
      <Alert variant="success" data-testid="mailer-setup-sample-sent">
        {t("overview.setup.done.sampleSentTo", { to: deliveredTo, subject: message.subject ?? "" })}
      </Alert>
    )
  }
  return (
    <Alert variant={message.status === "failed" ? "error" : "warning"} data-testid="mailer-setup-sample-not-sent">
      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          {message.error?.message ?? t("overview.setup.done.sampleNotSent")}
        </Text>
        {message.error?.hint && (
          <Text size="small">
            <span className="font-medium">{t("error.hint")}: </span>
            {message.error.hint}
          </Text>
        )}
        {message.error?.detail && (
          <Text size="xsmall" className="text-ui-fg-subtle font-mono break-all">
            {t("error.detail")}: {message.error.detail}
          </Text>
        )}
      </div>
    </Alert>
  )
}
