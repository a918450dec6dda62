import { Container, Heading, Text, clx } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useMessages } from "../../../../lib/api/messages"
import { logPath } from "../../../../lib/paths"
import type { MessageStatus } from "../../../../lib/types"

const DAY_MS = 24 * 60 * 60 * 1000
const COUNTED: MessageStatus[] = ["sent", "failed", "queued"]

/** Mails sent, failed and waiting in the last 24 hours, each a link into the filtered log. */
export const ActivitySection = () => {
  const { t } = useTranslation("mailer")
  // Fixed for the life of the page (to the minute), so the three queries keep stable keys.
  const since = useMemo(() => new Date(Math.floor((Date.now() - DAY_MS) / 60_000) * 60_000).toISOString(), [])
  return (
    <Container className="divide-y p-0" data-testid="mailer-overview-activity">
      <div className="px-6 py-4">
        <Heading level="h2">{t("overview.activity.title")}</Heading>
      </div>
      <div className="grid grid-cols-3 divide-x">
        {COUNTED.map((status) => (
          <StatusCount key={status} status={status} since={since} />
        ))}
      </div>
    </Container>
  )
}

const StatusCount = ({ status, since }: { status: MessageStatus; since: string }) => {
  const { t } = useTranslation("mailer")
  const { data, isLoading, error } = useMessages({ status: [status], created_after: since, limit: 1 }, { refetchInterval: 60_000 })
  const count = error ? "–" : isLoading ? "…" : String(data?.count ?? 0)
  const alarming = status === "failed" && (data?.count ?? 0) > 0
  return (
    <Link
      to={logPath({ status, created_after: since })}
      className="hover:bg-ui-bg-base-hover focus-visible:bg-ui-bg-base-hover flex flex-col gap-y-1 px-6 py-4 outline-none"
      data-testid={`mailer-overview-count-${status}`}
    >
      <Text size="small" className="text-ui-fg-subtle">
        {t(`overview.activity.${status}`)}
      </Text>
      <Text size="xlarge" weight="plus" className={clx(alarming ? "text-ui-fg-error" : "text-ui-fg-base")} data-testid="mailer-count">
        {count}
      </Text>
    </Link>
  )
}
