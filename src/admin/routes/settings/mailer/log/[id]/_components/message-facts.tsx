import { Badge, Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useMailerLanguage } from "../../../../../../lib/client"
import { formatDateTime, formatRecipients, recipientList, skipReasonText } from "../../../../../../lib/message-format"
import type { MailerMessage } from "../../../../../../lib/types"
import { useAccountNames, useEventLabels } from "../../_components/log-table-config"

const Row = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <div className="text-ui-fg-subtle grid grid-cols-3 items-start gap-x-4 px-6 py-3" data-testid={testId}>
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <div className="col-span-2 min-w-0 break-words">
      <Text size="small" leading="compact" asChild>
        <div>{children}</div>
      </Text>
    </div>
  </div>
)

const list = (values: string[] | null | undefined) => (values?.length ? values.join(", ") : "–")

/**
 * Who the mail was meant for against who actually got it: in test mode the envelope goes to the
 * shop's own test address, and the merchant must see both to trust the test.
 */
export const MessageRecipients = ({ message }: { message: MailerMessage }) => {
  const { t } = useTranslation("mailer")
  const envelope = message.envelope
  const actual = [...(envelope?.to ?? []), ...(envelope?.cc ?? []), ...(envelope?.bcc ?? [])]
  const rerouted = Boolean(envelope?.rerouted)
  const intended = [...recipientList(message.to), ...(message.cc ?? []), ...(message.bcc ?? [])]
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("log.detail.recipients")}</Heading>
        {message.test_mode && <Badge size="2xsmall">{t("testMode")}</Badge>}
      </div>
      <Row label={t("log.detail.from")}>{message.from ?? "–"}</Row>
      <Row label={t("log.detail.to")} testId="mailer-message-to">
        {formatRecipients(message.to) || "–"}
      </Row>
      <Row label={t("log.detail.cc")}>{list(message.cc)}</Row>
      <Row label={t("log.detail.bcc")}>{list(message.bcc)}</Row>
      {message.reply_to && <Row label={t("log.detail.replyTo")}>{message.reply_to}</Row>}
      <Row label={t("log.detail.envelope")} testId="mailer-message-envelope">
        {actual.length ? list(actual) : t("log.detail.notSentYet")}
        {rerouted && (
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("log.detail.rerouted", { to: list(actual), intended: list(intended) })}
          </Text>
        )}
      </Row>
      {message.rejected?.length ? <Row label={t("log.detail.rejected")}>{list(message.rejected)}</Row> : null}
    </Container>
  )
}

/** Delivery facts: attempts, when, through which account, for which order, resent from what. */
export const MessageDelivery = ({ message }: { message: MailerMessage }) => {
  const { t } = useTranslation("mailer")
  const language = useMailerLanguage()
  const eventLabel = useEventLabels()
  const accountName = useAccountNames()
  const date = (value: string | null) => formatDateTime(value, language)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("log.detail.delivery")}</Heading>
      </div>
      <Row label={t("log.columns.event")}>{eventLabel(message.event_name)}</Row>
      <Row label={t("log.columns.account")}>{accountName(message.account_id)}</Row>
      <Row label={t("log.detail.createdAt")}>{date(message.created_at)}</Row>
      <Row label={t("log.detail.attempts")} testId="mailer-message-attempts">
        {message.attempts}
      </Row>
      {message.next_attempt_at && message.status === "queued" && (
        <Row label={t("log.detail.nextAttempt")}>{date(message.next_attempt_at)}</Row>
      )}
      {!message.next_attempt_at && message.status === "queued" && (
        <Row label={t("log.detail.nextAttempt")}>{t("log.detail.pausedAttempt")}</Row>
      )}
      {message.give_up_at && message.status === "queued" && (
        <Row label={t("log.detail.giveUpAt")} testId="mailer-message-give-up-at">
          {date(message.give_up_at)}
        </Row>
      )}
      <Row label={t("log.detail.sentAt")}>{date(message.sent_at)}</Row>
      {message.skip_reason && (
        <Row label={t("log.detail.skipReason")} testId="mailer-message-skip-reason">
          {skipReasonText(t, message.skip_reason)}
        </Row>
      )}
      {message.resource_id && (
        <Row label={t("log.detail.resource")}>
          {message.resource_type === "order" ? (
            <Link to={`/orders/${message.resource_id}`} className="text-ui-fg-base font-medium underline underline-offset-2">
              {t("log.detail.openOrder")}
            </Link>
          ) : (
            <span className="font-mono">{message.resource_id}</span>
          )}
        </Row>
      )}
      {message.resent_from_id && (
        <Row label={t("log.detail.resentFrom")} testId="mailer-message-resent-from">
          <Link to={`../${message.resent_from_id}`} relative="path" className="text-ui-fg-base font-medium underline underline-offset-2">
            {t("log.detail.openOriginal")}
          </Link>
        </Row>
      )}
      <Row label={t("log.detail.triggeredBy")}>
        {message.triggered_by === "system" ? t("log.detail.system") : t("log.detail.admin")}
      </Row>
      {message.message_id && (
        <Row label={t("log.detail.messageId")}>
          <span className="font-mono text-xs">{message.message_id}</span>
        </Row>
      )}
    </Container>
  )
}
