import { ArrowUturnLeft } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useLocation, useParams } from "react-router-dom"
import { QueryState } from "../../../../../components/query-state"
import { MessageStatusBadge } from "../../../../../components/status-badges"
import { useMessage } from "../../../../../lib/api/messages"
import { MAILER_PATHS } from "../../../../../lib/paths"
import type { MailerMessage } from "../../../../../lib/types"
import { useEventLabels } from "../_components/log-table-config"
import { MessageContent } from "./_components/message-content"
import { MessageError } from "./_components/message-error"
import { MessageDelivery, MessageRecipients } from "./_components/message-facts"
import { ResendSection } from "./_components/resend-section"
import { RetrySection } from "./_components/retry-section"

/** One logged mail: as it was sent, to whom, how delivery went, and a way to send it again. */
const MailerMessagePage = () => {
  const { t } = useTranslation("mailer")
  const { id } = useParams()
  const query = useMessage(id)
  const message = query.data?.message
  const logSearch = (useLocation().state as { logSearch?: string } | null)?.logSearch ?? ""

  return (
    <div className="flex flex-col gap-y-3" data-testid="mailer-message-detail">
      <div>
        <Button size="small" variant="transparent" asChild>
          <Link to={`${MAILER_PATHS.log}${logSearch}`} data-testid="mailer-message-back">
            <ArrowUturnLeft />
            {t("log.detail.backToLog")}
          </Link>
        </Button>
      </div>
      <QueryState query={query}>
        {message && <MessageView message={message} />}
      </QueryState>
    </div>
  )
}

const MessageView = ({ message }: { message: MailerMessage }) => {
  const eventLabel = useEventLabels()
  return (
    <div className="flex flex-col gap-x-4 gap-y-3 xl:flex-row xl:items-start">
      <div className="flex w-full min-w-0 flex-col gap-y-3">
        <Container className="flex flex-col gap-y-2 px-6 py-4">
          <div className="flex items-start justify-between gap-x-4">
            <Heading level="h1" className="break-words" data-testid="mailer-message-subject">
              {message.subject ?? eventLabel(message.event_name)}
            </Heading>
            <MessageStatusBadge status={message.status} />
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {eventLabel(message.event_name)}
          </Text>
        </Container>
        <MessageError message={message} />
        <MessageContent message={message} />
      </div>
      <div className="flex w-full flex-col gap-y-3 xl:max-w-[440px]">
        <RetrySection message={message} />
        <ResendSection message={message} />
        <MessageRecipients message={message} />
        <MessageDelivery message={message} />
      </div>
    </div>
  )
}

const Breadcrumb = () => {
  const { t } = useTranslation("mailer")
  return <>{t("log.detail.breadcrumb")}</>
}

export const handle = { breadcrumb: () => <Breadcrumb /> }

export default MailerMessagePage
