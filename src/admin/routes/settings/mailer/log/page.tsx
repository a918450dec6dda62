import { ArrowDownTray, ArrowUturnLeft, XMarkMini } from "@medusajs/icons"
import { Badge, Button, Container, DataTable, Heading, IconButton, Text, useDataTable } from "@medusajs/ui"
import { useEffect, useRef } from "react"
import { useTranslation } from "react-i18next"
import { Link, useLocation, useNavigate } from "react-router-dom"
import { ApiErrorAlert } from "../../../../components/api-error-alert"
import { useMessages, type MessageFilters } from "../../../../lib/api/messages"
import { mailerUrl, useMailerLanguage } from "../../../../lib/client"
import { MAILER_PATHS } from "../../../../lib/paths"
import { LogSearch } from "./_components/log-search"
import { useLogColumns, useLogFilters } from "./_components/log-table-config"
import { LOG_PAGE_SIZE, useLogUrlState } from "./_components/use-log-url-state"

/**
 * Settings → E-Mail → Log: every mail the shop sent, tried or skipped, newest first. Filters,
 * search and page are kept in the URL; a row opens the mail as it was sent.
 */
const MailerLogPage = () => {
  const { t } = useTranslation("mailer")
  const navigate = useNavigate()
  const location = useLocation()
  const state = useLogUrlState()
  const messages = useMessages({ ...state.filters, limit: LOG_PAGE_SIZE })
  const columns = useLogColumns(location.search)
  const filters = useLogFilters()

  const table = useDataTable({
    data: messages.data?.messages ?? [],
    columns,
    filters,
    rowCount: messages.data?.count ?? 0,
    getRowId: (row) => row.id,
    isLoading: messages.isLoading,
    filtering: { state: state.filtering, onFilteringChange: state.setFiltering },
    pagination: { state: state.pagination, onPaginationChange: state.setPagination },
    // The detail's back link returns to this page with the same filters.
    onRowClick: (_event, row) => navigate(row.id, { state: { logSearch: location.search } }),
  })

  return (
    <div className="flex flex-col gap-y-3" data-testid="mailer-log">
      <div>
        <Button size="small" variant="transparent" asChild>
          <Link to={MAILER_PATHS.overview} data-testid="mailer-log-back">
            <ArrowUturnLeft />
            {t("log.backToOverview")}
          </Link>
        </Button>
      </div>
      <Container className="divide-y p-0">
        <DataTable instance={table}>
          <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
            <div>
              <Heading level="h1">{t("log.title")}</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                {t("log.description")}
              </Text>
            </div>
            <div className="flex items-center gap-x-2">
              <FilterMenu label={t("log.addFilter")} />
              <LogSearch value={state.search} onChange={state.setSearch} label={t("log.searchPlaceholder")} />
              <ExportButton filters={state.filters} />
            </div>
          </DataTable.Toolbar>
          {state.filters.resource_id && (
            <div className="flex items-center gap-x-2 px-6 py-2" data-testid="mailer-log-resource-filter">
              <Text size="small" className="text-ui-fg-subtle">
                {t("log.resourceFilter")}
              </Text>
              <Badge size="2xsmall" className="font-mono">
                {state.filters.resource_id}
              </Badge>
              <IconButton size="2xsmall" variant="transparent" onClick={state.clearResource} aria-label={t("log.clearResourceFilter")}>
                <XMarkMini />
              </IconButton>
            </div>
          )}
          {messages.error ? (
            <div className="px-6 py-4">
              <ApiErrorAlert error={messages.error} />
            </div>
          ) : (
            <DataTable.Table
              emptyState={{
                empty: { heading: t("log.empty.heading"), description: t("log.empty.description") },
                filtered: { heading: t("log.filteredEmpty.heading"), description: t("log.filteredEmpty.description") },
              }}
            />
          )}
          <DataTable.Pagination
            translations={{ of: t("log.pagination.of"), results: t("log.pagination.results"), pages: t("log.pagination.pages"), prev: t("log.pagination.prev"), next: t("log.pagination.next") }}
          />
        </DataTable>
      </Container>
    </div>
  )
}

/**
 * The DataTable's filter button is an icon without a name; screen readers (and the axe check)
 * need one, and the component has no prop for it.
 */
const FilterMenu = ({ label }: { label: string }) => {
  const ref = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    ref.current?.querySelector("button")?.setAttribute("aria-label", label)
  })
  return (
    <span ref={ref} className="contents" data-testid="mailer-log-filter-menu">
      <DataTable.FilterMenu tooltip={label} />
    </span>
  )
}

/** A plain link: the browser downloads the file with the dashboard's session cookie. */
const ExportButton = ({ filters }: { filters: MessageFilters }) => {
  const { t } = useTranslation("mailer")
  const language = useMailerLanguage()
  const { offset: _offset, limit: _limit, ...exported } = filters
  const href = mailerUrl("/messages/export", { ...exported, language })
  return (
    <Button size="small" variant="secondary" asChild>
      <a href={href} download data-testid="mailer-log-export">
        <ArrowDownTray />
        {t("log.exportCsv")}
      </a>
    </Button>
  )
}

const Breadcrumb = () => {
  const { t } = useTranslation("mailer")
  return <>{t("log.title")}</>
}

export const handle = { breadcrumb: () => <Breadcrumb /> }

export default MailerLogPage
