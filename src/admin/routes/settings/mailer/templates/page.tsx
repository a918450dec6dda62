import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { QueryState } from "../../../../components/query-state"
import { useSalesChannels } from "../../../../lib/api/sales-channels"
import { useEvents } from "../../../../lib/api/settings"
import { useTemplates } from "../../../../lib/api/templates"
import { MAILER_PATHS } from "../../../../lib/paths"
import { NewTemplateDrawer } from "./_components/new-template-drawer"
import { TemplateMatrix } from "./_components/template-matrix"

/**
 * Settings → E-Mail → Templates: every event the shop mails for, in every language, with
 * whether the shipped default or an own template applies (and own ones per sales channel),
 * and the switch that turns an event's mails off.
 */
const MailerTemplatesPage = () => {
  const { t } = useTranslation("mailer")
  const events = useEvents()
  const templates = useTemplates()
  const channels = useSalesChannels()
  const eventList = events.data?.events ?? []

  return (
    <div className="flex flex-col gap-y-3" data-testid="mailer-templates">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Link to={MAILER_PATHS.overview} className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base" data-testid="mailer-templates-back">
              {t("templates.backToOverview")}
            </Link>
            <Heading level="h1">{t("templates.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("templates.description")}
            </Text>
          </div>
          {eventList.length > 0 && <NewTemplateDrawer events={eventList} channels={channels.data ?? []} />}
        </div>
        <QueryState
          query={{
            isLoading: events.isLoading || templates.isLoading,
            error: events.error ?? templates.error,
            refetch: () => Promise.all([events.refetch(), templates.refetch()]),
          }}
          isEmpty={!eventList.length}
        >
          <TemplateMatrix events={eventList} templates={templates.data?.templates ?? []} channels={channels.data ?? []} />
        </QueryState>
      </Container>
    </div>
  )
}

const Breadcrumb = () => {
  const { t } = useTranslation("mailer")
  return <>{t("templates.title")}</>
}

export const handle = { breadcrumb: () => <Breadcrumb /> }

export default MailerTemplatesPage
