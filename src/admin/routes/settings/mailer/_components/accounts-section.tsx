import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { SentToday } from "../../../../components/sent-today"
import { AccountStatusBadge } from "../../../../components/status-badges"
import { testRecipientOf } from "../../../../lib/account-summary"
import { accountPath, MAILER_PATHS } from "../../../../lib/paths"
import type { MailerAccount } from "../../../../lib/types"

/** Every account with its status, whether it is the default and where its mail goes. */
export const AccountsSection = ({ accounts }: { accounts: MailerAccount[] }) => {
  const { t } = useTranslation("mailer")
  return (
    <Container className="divide-y p-0" data-testid="mailer-overview-accounts">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("overview.accounts.title")}</Heading>
        <Button size="small" variant="secondary" asChild>
          <Link to={MAILER_PATHS.accounts}>{t("overview.accounts.manage")}</Link>
        </Button>
      </div>
      {accounts.map((account) => (
        <AccountRow key={account.id} account={account} />
      ))}
    </Container>
  )
}

const AccountRow = ({ account }: { account: MailerAccount }) => {
  const { t } = useTranslation("mailer")
  return (
    <div className="flex items-center justify-between gap-x-4 px-6 py-4" data-testid={`mailer-overview-account-${account.id}`}>
      <div className="flex min-w-0 flex-col">
        <Link to={accountPath(account.id)} className="truncate outline-none hover:underline focus-visible:underline">
          <Text size="small" weight="plus" leading="compact" asChild>
            <span>{account.name}</span>
          </Text>
        </Link>
        <Text size="small" leading="compact" className="text-ui-fg-subtle truncate">
          {account.sender_name} &lt;{account.sender_email}&gt;
        </Text>
        {account.test_mode ? (
          <Text size="small" leading="compact" className="text-ui-fg-subtle" data-testid="mailer-overview-account-test-mode">
            {t("overview.accounts.testModeTo", { address: testRecipientOf(account) })}
          </Text>
        ) : (
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {t("overview.accounts.live")}
          </Text>
        )}
        <SentToday account={account} />
      </div>
      <div className="flex shrink-0 items-center gap-x-2">
        {account.is_default && <Badge size="2xsmall">{t("default")}</Badge>}
        {account.test_mode && (
          <Badge size="2xsmall" color="orange">
            {t("testMode")}
          </Badge>
        )}
        <AccountStatusBadge status={account.status} />
      </div>
    </div>
  )
}
