import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { ResendActions } from "../components/resend-actions"
import { QueryState } from "../components/query-state"
import { MessageStatusBadge } from "../components/status-badges"
import { useMessages } from "../lib/api/messages"
import { useMailerLanguage } from "../lib/client"
import { formatDateTime, formatRecipients, skipReasonText } from "../lib/message-format"
import { MAILER_PATHS } from "../lib/paths"
import type { MailerMessage } from "../lib/types"

// While a mail waits or is being sent, look again now and then so the status settles by itself.
const PENDING_REFRESH_MS = 5_000

/** The order's mail timeline: sent, failed (why, what to do), skipped (why), resent; and resend. */
const OrderMailsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation("mailer")
  // Two observers of the same query: the second polls only while the first shows a pending mail.
  const first = useMessages({ resource_id: order.id, limit: 50 })
  const pending = first.data?.messages.some((m) => m.status === "queued" || m.status === "sending")
  const query = useMessages({ resource_id: order.id, limit: 50 }, { refetchInterval: pending ? PENDING_REFRESH_MS : undefined })
  const messages = query.data?.messages ?? []

  return (
    <Container className="divide-y p-0" data-testid="mailer-order-mails">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("order.mails")}</Heading>
        <Link to={`${MAILER_PATHS.log}?resource_id=${encodeURIComponent(order.id)}`} className="txt-compact-small text-ui-fg-base font-medium underline underline-offset-2" data-testid="mailer-order-mails-log-link">
          {t("order.openLog")}
        </Link>
      </div>
      <QueryState query={query} isEmpty={!messages.length} empty={<Text size="small" className="text-ui-fg-subtle">{t("order.noMails")}</Text>}>
        {messages.map((message) => (
          <OrderMail key={message.id} message={message} original={messages.find((m) => m.id === message.resent_from_id)} />
        ))}
      </QueryState>
    </Container>
  )
}

const OrderMail = ({ message, original }: { message: MailerMessage; original?: MailerMessage }) => {
  const { t } = useTranslation("mailer")
  const language = useMailerLanguage()
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="mailer-order-mail">
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Link to={`${MAILER_PATHS.log}/${message.id}`} className="txt-compact-small-plus truncate hover:underline">
            {message.subject ?? message.event_name}
          </Link>
          <Text size="small" className="text-ui-fg-subtle">
            {formatRecipients(message.to) || "–"} · {formatDateTime(message.created_at, language)}
          </Text>
        </div>
        <div className="flex shrink-0 items-center gap-x-2">
          {message.test_mode && <Badge size="2xsmall">{t("testMode")}</Badge>}
          <MessageStatusBadge status={message.status} />
        </div>
      </div>
      {message.resent_from_id && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="mailer-order-mail-resent-from">
          {t("order.resentFrom")}{" "}
          <Link to={`${MAILER_PATHS.log}/${message.resent_from_id}`} className="text-ui-fg-base font-medium underline underline-offset-2">
            {original ? t("order.originalOf", { date: formatDateTime(original.created_at, language) }) : t("order.original")}
          </Link>
        </Text>
      )}
      {message.status === "skipped" && message.skip_reason && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="mailer-order-mail-skip-reason">
          {t("order.skipped")}: {skipReasonText(t, message.skip_reason)}
        </Text>
      )}
      {message.error && (
        <Text size="small" className="text-ui-fg-error">
          {message.error.message} {message.error.hint}
        </Text>
      )}
      <ResendActions message={message} testIdPrefix="mailer-order-resend" />
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
  id: "mailer-order-mails",
})

export default OrderMailsWidget
