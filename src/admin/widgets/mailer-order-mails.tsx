import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useLanguage, useTexts } from "../lib/i18n"
import { useResendMessage, useResourceMessages, type MailerMessage } from "../lib/messages"

const STATUS_COLOR = { queued: "orange", sending: "blue", sent: "green", failed: "red", skipped: "grey" } as const

/** The order's mail timeline: what was sent, what failed and why, and a resend button. */
const OrderMailsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const t = useTexts()
  const language = useLanguage()
  const { data, isLoading } = useResourceMessages(order.id, language)
  const resend = useResendMessage(order.id)

  const onResend = (message: MailerMessage) =>
    resend.mutate(message.id, {
      onSuccess: () => toast.success(t.resent),
      onError: (e) => toast.error(t.resendFailed, { description: e.message }),
    })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t.mails}</Heading>
      </div>
      {!isLoading && !data?.messages.length && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {t.noMails}
        </Text>
      )}
      {data?.messages.map((message) => (
        <div key={message.id} className="flex items-start justify-between gap-x-4 px-6 py-4">
          <div className="flex min-w-0 flex-col gap-y-1">
            <Text size="small" weight="plus" className="truncate">
              {message.subject ?? message.event_name}
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              {message.to} · {new Date(message.created_at).toLocaleString()}
            </Text>
            {message.error && (
              <Text size="small" className="text-ui-fg-error">
                {message.error.message} {message.error.hint}
              </Text>
            )}
          </div>
          <div className="flex shrink-0 items-center gap-x-2">
            {message.test_mode && <Badge size="2xsmall">{t.testMode}</Badge>}
            <Badge size="2xsmall" color={STATUS_COLOR[message.status]}>
              {t.status[message.status]}
            </Badge>
            <Button size="small" variant="secondary" isLoading={resend.isPending} onClick={() => onResend(message)}>
              {t.resend}
            </Button>
          </div>
        </div>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
  id: "mailer-order-mails",
})

export default OrderMailsWidget
