import {
  Badge,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  Text,
  type DataTableFilter,
} from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { MessageStatusBadge } from "../../../../../components/status-badges"
import { useAccounts } from "../../../../../lib/api/accounts"
import { useEvents } from "../../../../../lib/api/settings"
import { useMailerLanguage } from "../../../../../lib/client"
import { formatDateTime, formatRecipients } from "../../../../../lib/message-format"
import type { MailerMessage, MessageStatus } from "../../../../../lib/types"

const STATUSES: MessageStatus[] = ["queued", "sending", "sent", "failed", "skipped"]
const HOUR = 60 * 60 * 1000

/** Event names as the merchant knows them ("Bestellbestätigung"), from GET /events. */
export function useEventLabels(): (name: string) => string {
  const { t } = useTranslation("mailer")
  const events = useEvents()
  return useMemo(() => {
    const labels = new Map((events.data?.events ?? []).map((e) => [e.name, e.label]))
    labels.set("mailer.test_email", t("log.testEmailEvent"))
    return (name: string) => labels.get(name) ?? name
  }, [events.data, t])
}

export function useAccountNames(): (id: string | null) => string {
  const accounts = useAccounts()
  return useMemo(() => {
    const names = new Map((accounts.data?.accounts ?? []).map((a) => [a.id, a.name]))
    return (id: string | null) => (id ? names.get(id) ?? id : "–")
  }, [accounts.data])
}

const column = createDataTableColumnHelper<MailerMessage>()

/** `logSearch`: the list's filters, handed to the detail so its back link returns to them. */
export function useLogColumns(logSearch: string) {
  const { t } = useTranslation("mailer")
  const language = useMailerLanguage()
  const eventLabel = useEventLabels()
  const accountName = useAccountNames()
  return useMemo(
    () => [
      column.accessor("status", {
        header: t("log.columns.status"),
        cell: ({ row }) => <MessageStatusBadge status={row.original.status} />,
      }),
      column.accessor("event_name", {
        header: t("log.columns.event"),
        cell: ({ getValue }) => eventLabel(getValue()),
      }),
      column.accessor("to", {
        header: t("log.columns.recipient"),
        cell: ({ row }) => (
          <div className="flex items-center gap-x-1.5">
            <Text size="small" className="truncate">
              {formatRecipients(row.original.to) || "–"}
            </Text>
            {row.original.test_mode && <Badge size="2xsmall">{t("testMode")}</Badge>}
          </div>
        ),
      }),
      column.accessor("subject", {
        header: t("log.columns.subject"),
        // A real link as well as the clickable row, so the detail is reachable by keyboard.
        cell: ({ row }) => (
          <Link to={row.original.id} state={{ logSearch }} onClick={(e) => e.stopPropagation()} className="hover:underline focus-visible:underline">
            {row.original.subject ?? "–"}
          </Link>
        ),
      }),
      column.accessor("account_id", {
        header: t("log.columns.account"),
        cell: ({ getValue }) => accountName(getValue()),
      }),
      column.accessor("created_at", {
        header: t("log.columns.date"),
        cell: ({ getValue }) => formatDateTime(getValue(), language),
      }),
    ],
    [t, language, eventLabel, accountName, logSearch]
  )
}

const filter = createDataTableFilterHelper<MailerMessage>()

export function useLogFilters(): DataTableFilter[] {
  const { t } = useTranslation("mailer")
  const events = useEvents()
  const accounts = useAccounts()
  return useMemo(() => {
    const since = (hours: number) => ({ $gte: new Date(Date.now() - hours * HOUR).toISOString() })
    return [
      filter.accessor("status", {
        type: "multiselect",
        label: t("log.columns.status"),
        options: STATUSES.map((status) => ({ label: t(`messageStatus.${status}`), value: status })),
      }),
      filter.accessor("event_name", {
        type: "radio",
        label: t("log.columns.event"),
        options: [
          ...(events.data?.events ?? []).map((e) => ({ label: e.label, value: e.name })),
          { label: t("log.testEmailEvent"), value: "mailer.test_email" },
        ],
      }),
      filter.accessor("account_id", {
        type: "radio",
        label: t("log.columns.account"),
        options: (accounts.data?.accounts ?? []).map((a) => ({ label: a.name, value: a.id })),
      }),
      filter.accessor("created_at", {
        type: "date",
        label: t("log.columns.date"),
        format: "date",
        rangeOptionLabel: t("log.dateFilter.custom"),
        rangeOptionStartLabel: t("log.dateFilter.from"),
        rangeOptionEndLabel: t("log.dateFilter.to"),
        options: [
          { label: t("log.dateFilter.last24h"), value: since(24) },
          { label: t("log.dateFilter.last7d"), value: since(24 * 7) },
          { label: t("log.dateFilter.last30d"), value: since(24 * 30) },
        ],
      }),
    ]
  }, [t, events.data, accounts.data])
}
