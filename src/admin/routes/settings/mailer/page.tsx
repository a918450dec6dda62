import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { QueryState } from "../../../components/query-state"
import { useAccounts } from "../../../lib/api/accounts"
import { summarizeAccounts } from "../../../lib/account-summary"
import { AccountsSection } from "./_components/accounts-section"
import { ActivitySection } from "./_components/activity-section"
import { SectionLinks } from "./_components/section-links"
import { SendingAlert } from "./_components/sending-alert"
import { SetupCard } from "./_components/setup-card"

/**
 * Settings → E-Mail: can the shop send mail right now, from which accounts, how did the last
 * day go, and where to change what. Without any account it leads into the first-run setup.
 */
const MailerOverviewPage = () => {
  const { t } = useTranslation("mailer")
  const accounts = useAccounts()
  const list = accounts.data?.accounts ?? []
  const summary = summarizeAccounts(list)

  return (
    <div className="flex flex-col gap-y-3" data-testid="mailer-overview">
      <Container className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">{t("overview.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("overview.description")}
        </Text>
      </Container>
      <QueryState query={accounts}>
        {summary.none ? (
          <SetupCard />
        ) : (
          <>
            <SendingAlert summary={summary} />
            <AccountsSection accounts={list} />
          </>
        )}
      </QueryState>
      {!summary.none && <ActivitySection />}
      <SectionLinks />
    </div>
  )
}

const Breadcrumb = () => {
  const { t } = useTranslation("mailer")
  return <>{t("nav.title")}</>
}

export const config = defineRouteConfig({ label: "nav.title", translationNs: "mailer" })

export const handle = { breadcrumb: () => <Breadcrumb /> }

export default MailerOverviewPage
