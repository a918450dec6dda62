import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useRetryMessage } from "../../../../../../lib/api/messages"
import { carriesOneTimeLink } from "../../../../../../lib/message-format"
import { toastApiError } from "../../../../../../lib/toast-error"
import type { MailerMessage } from "../../../../../../lib/types"

/**
 * The same rule as the API's (core/give-up.ts canRetryNow): a waiting mail, or a failed one
 * that holds its rendered content and no removed one-time link. Others are sent with "Send again".
 */
function canRetryNow(message: MailerMessage): boolean {
  if (message.status === "queued") return true
  return message.status === "failed" && !carriesOneTimeLink(message.event_name) && Boolean(message.subject)
}

/** "Retry now": the same row is tried at once (same Message-ID); a failed one gets a fresh retry period. */
export const RetrySection = ({ message }: { message: MailerMessage }) => {
  const { t } = useTranslation("mailer")
  const retry = useRetryMessage()
  if (!canRetryNow(message)) return null

  const onClick = () =>
    retry.mutate(
      { id: message.id },
      {
        onSuccess: ({ message: after }) => {
          if (after.status === "sent") toast.success(t("log.retry.sent"))
          else if (after.status === "failed") toast.error(t("log.retry.failed"), { description: [after.error?.message, after.error?.hint].filter(Boolean).join(" ") })
          else toast.warning(t("log.retry.queued"), { description: after.error?.message })
        },
        onError: toastApiError,
      }
    )

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="mailer-message-retry">
      <div>
        <Heading level="h2">{t("log.retry.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {message.status === "failed" ? t("log.retry.descriptionFailed") : t("log.retry.descriptionQueued")}
        </Text>
      </div>
      <div>
        <Button size="small" variant="secondary" isLoading={retry.isPending} onClick={onClick} data-testid="mailer-message-retry-now">
          {t("log.retry.button")}
        </Button>
      </div>
    </Container>
  )
}
