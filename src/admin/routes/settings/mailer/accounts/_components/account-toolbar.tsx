import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { AccountStatusBadge, PAUSED_ACCOUNT_STATUSES } from "../../../../../components/status-badges"
import type { MailerAccount } from "../../../../../lib/types"
import { SendTestMailDialog } from "./send-test-mail-dialog"
import { useAccountActions } from "./use-account-actions"

/**
 * The saved account's state and the actions that use what is stored (not what is typed):
 * verify the connection, send a test mail, make default, delete.
 */
export function AccountToolbar({ account, onDeleted }: { account: MailerAccount; onDeleted: () => void }) {
  const { t } = useTranslation("mailer")
  const actions = useAccountActions(account, onDeleted)
  const [testMailOpen, setTestMailOpen] = useState(false)
  return (
    <div className="bg-ui-bg-subtle border-ui-border-base flex flex-col gap-y-3 rounded-lg border p-4" data-testid="mailer-account-toolbar">
      <div className="flex flex-wrap items-center gap-2">
        <Text size="small" weight="plus">
          {t("accounts.form.savedState")}
        </Text>
        <AccountStatusBadge status={account.status} />
        {account.is_default && (
          <Text size="small" className="text-ui-fg-subtle" data-testid="mailer-account-is-default">
            · {t("default")}
          </Text>
        )}
      </div>
      {PAUSED_ACCOUNT_STATUSES.includes(account.status) && account.last_error && (
        <Text size="small" className="text-ui-fg-error" data-testid="mailer-account-last-error">
          {account.last_error}
        </Text>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="button" size="small" variant="secondary" onClick={actions.verifyConnection} isLoading={actions.isVerifying} data-testid="mailer-account-verify">
          {t("accounts.actions.verify")}
        </Button>
        <Button type="button" size="small" variant="secondary" onClick={() => setTestMailOpen(true)} data-testid="mailer-account-send-test">
          {t("accounts.actions.sendTestMail")}
        </Button>
        {!account.is_default && (
          <Button type="button" size="small" variant="secondary" onClick={actions.makeDefault} isLoading={actions.isMakingDefault} data-testid="mailer-account-make-default">
            {t("accounts.actions.makeDefault")}
          </Button>
        )}
        <Button type="button" size="small" variant="danger" onClick={actions.deleteAccount} isLoading={actions.isDeleting} data-testid="mailer-account-delete">
          {t("actions.delete")}
        </Button>
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("accounts.hints.toolbar")}
      </Text>
      <SendTestMailDialog account={account} open={testMailOpen} onOpenChange={setTestMailOpen} />
    </div>
  )
}
