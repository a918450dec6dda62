import { ArrowUturnLeft } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useSearchParams } from "react-router-dom"
import { QueryState } from "../../../../components/query-state"
import { useAccounts } from "../../../../lib/api/accounts"
import { AccountFormModal } from "./_components/account-form-modal"
import { AccountList } from "./_components/account-list"
import { OAuthReturnContext, useOAuthReturn } from "./_components/oauth-return"

/**
 * /settings/mailer/accounts: the SMTP accounts. `?create=1` opens the form for a new account,
 * `?edit=<id>` the form of an existing one (links from the overview and the setup wizard).
 */
// The form's URL parameters (see the comment above).
const EDIT = "edit"
const CREATE = "create"

const AccountsPage = () => {
  const { t } = useTranslation("mailer")
  const accounts = useAccounts()
  const [searchParams, setSearchParams] = useSearchParams()
  const editId = searchParams.get(EDIT)
  const creating = searchParams.has(CREATE)
  const openCreate = () => setSearchParams({ [CREATE]: "1" })
  // Back from the provider's sign-in (`&oauth=connected|error&code=…`): a toast, the account stays open.
  const oauthReturn = useOAuthReturn(searchParams, setSearchParams)
  const count = accounts.data?.accounts.length ?? 0

  return (
    <div className="flex flex-col gap-y-3" data-testid="mailer-accounts-page">
      <Link
        to="/settings/mailer"
        className="text-ui-fg-subtle hover:text-ui-fg-base txt-compact-small-plus flex w-fit items-center gap-x-1"
        data-testid="mailer-back-to-overview"
      >
        <ArrowUturnLeft />
        {t("accounts.backToOverview")}
      </Link>
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Heading level="h1">{t("accounts.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("accounts.description")}
            </Text>
          </div>
          <Button size="small" variant="secondary" onClick={openCreate} data-testid="mailer-account-create">
            {t("actions.create")}
          </Button>
        </div>
        <QueryState
          query={accounts}
          isEmpty={count === 0}
          empty={
            <div className="flex flex-col items-center gap-y-3 py-8 text-center" data-testid="mailer-accounts-empty">
              <Text size="small" weight="plus">{t("accounts.empty.title")}</Text>
              <Text size="small" className="text-ui-fg-subtle">{t("accounts.empty.description")}</Text>
              <Button size="small" onClick={openCreate}>{t("accounts.empty.action")}</Button>
            </div>
          }
        >
          <AccountList accounts={accounts.data?.accounts ?? []} onEdit={(id) => setSearchParams({ [EDIT]: id })} />
        </QueryState>
      </Container>
      {(creating || editId) && (
        <OAuthReturnContext.Provider value={oauthReturn}>
          <AccountFormModal accountId={editId} onClose={() => setSearchParams({})} />
        </OAuthReturnContext.Provider>
      )}
    </div>
  )
}

const Breadcrumb = () => {
  const { t } = useTranslation("mailer")
  return <>{t("accounts.title")}</>
}

export const handle = { breadcrumb: () => <Breadcrumb /> }

export default AccountsPage
