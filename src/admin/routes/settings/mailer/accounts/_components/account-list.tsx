import { ArrowPath, EllipsisHorizontal, ExclamationCircle, PaperPlane, PencilSquare, Star, Trash } from "@medusajs/icons"
import { Badge, DropdownMenu, IconButton, Table, Text, Tooltip } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { AccountStatusBadge, PAUSED_ACCOUNT_STATUSES } from "../../../../../components/status-badges"
import { SentToday } from "../../../../../components/sent-today"
import type { MailerAccount } from "../../../../../lib/types"
import { SendTestMailDialog } from "./send-test-mail-dialog"
import { useAccountActions } from "./use-account-actions"

/** The accounts as a table; a row opens the edit form, its menu holds the other actions. */
export function AccountList({ accounts, onEdit }: { accounts: MailerAccount[]; onEdit: (id: string) => void }) {
  const { t } = useTranslation("mailer")
  return (
    <Table data-testid="mailer-accounts-table">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("accounts.list.account")}</Table.HeaderCell>
          <Table.HeaderCell>{t("accounts.list.server")}</Table.HeaderCell>
          <Table.HeaderCell>{t("accounts.list.status")}</Table.HeaderCell>
          <Table.HeaderCell>{t("accounts.list.today")}</Table.HeaderCell>
          <Table.HeaderCell>{t("accounts.list.flags")}</Table.HeaderCell>
          <Table.HeaderCell>
            <span className="sr-only">{t("accounts.list.actions")}</span>
          </Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {accounts.map((account) => (
          <AccountRow key={account.id} account={account} onEdit={() => onEdit(account.id)} />
        ))}
      </Table.Body>
    </Table>
  )
}

function AccountRow({ account, onEdit }: { account: MailerAccount; onEdit: () => void }) {
  const { t } = useTranslation("mailer")
  const paused = PAUSED_ACCOUNT_STATUSES.includes(account.status)
  return (
    <Table.Row className="cursor-pointer" onClick={onEdit} data-testid={`mailer-account-row-${account.sender_email}`}>
      <Table.Cell>
        <div className="flex flex-col py-2">
          <button
            type="button"
            className="w-fit text-left"
            onClick={(event) => {
              event.stopPropagation()
              onEdit()
            }}
            data-testid="mailer-account-edit"
          >
            <Text size="small" weight="plus" leading="compact" as="span">
              {account.name}
            </Text>
          </button>
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {account.sender_name} &lt;{account.sender_email}&gt;
          </Text>
        </div>
      </Table.Cell>
      <Table.Cell>
        <Text size="small" leading="compact">
          {account.host}:{account.port} · {t(`accounts.security.${account.security}`)}
        </Text>
        {account.auth_method === "oauth2" && account.oauth && (
          <Text size="xsmall" leading="compact" className="text-ui-fg-subtle" data-testid="mailer-account-row-oauth">
            OAuth2 · {t(`accounts.oauth.providers.${account.oauth.provider}`)}
          </Text>
        )}
      </Table.Cell>
      <Table.Cell>
        <div className="flex items-center gap-x-2">
          <AccountStatusBadge status={account.status} />
          {(account.warnings?.length ?? 0) > 0 && (
            <Tooltip content={account.warnings.map((w) => w.message).join(" ")}>
              <ExclamationCircle className="text-ui-fg-muted" aria-label={t("accounts.list.hasWarnings")} />
            </Tooltip>
          )}
        </div>
        {paused && account.last_error && (
          <Text size="xsmall" className="text-ui-fg-error max-w-[280px] truncate" title={account.last_error}>
            {account.last_error}
          </Text>
        )}
      </Table.Cell>
      <Table.Cell>
        <SentToday account={account} />
      </Table.Cell>
      <Table.Cell>
        <div className="flex flex-wrap gap-1">
          {account.is_default && <Badge size="2xsmall" color="blue" data-testid="mailer-account-default-badge">{t("default")}</Badge>}
          {account.test_mode && <Badge size="2xsmall" color="orange">{t("testMode")}</Badge>}
        </div>
      </Table.Cell>
      <Table.Cell onClick={(event) => event.stopPropagation()} className="w-px">
        <RowMenu account={account} onEdit={onEdit} />
      </Table.Cell>
    </Table.Row>
  )
}

function RowMenu({ account, onEdit }: { account: MailerAccount; onEdit: () => void }) {
  const { t } = useTranslation("mailer")
  const actions = useAccountActions(account)
  const [testMailOpen, setTestMailOpen] = useState(false)
  return (
    <>
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <IconButton size="small" variant="transparent" aria-label={t("accounts.list.actionsFor", { name: account.name })} data-testid="mailer-account-row-menu">
            <EllipsisHorizontal />
          </IconButton>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end">
          <DropdownMenu.Item className="gap-x-2" onClick={onEdit}>
            <PencilSquare className="text-ui-fg-subtle" />
            {t("actions.edit")}
          </DropdownMenu.Item>
          <DropdownMenu.Item className="gap-x-2" onClick={actions.verifyConnection}>
            <ArrowPath className="text-ui-fg-subtle" />
            {t("accounts.actions.verify")}
          </DropdownMenu.Item>
          <DropdownMenu.Item className="gap-x-2" onClick={() => setTestMailOpen(true)}>
            <PaperPlane className="text-ui-fg-subtle" />
            {t("accounts.actions.sendTestMail")}
          </DropdownMenu.Item>
          {!account.is_default && (
            <DropdownMenu.Item className="gap-x-2" onClick={actions.makeDefault} data-testid="mailer-account-row-make-default">
              <Star className="text-ui-fg-subtle" />
              {t("accounts.actions.makeDefault")}
            </DropdownMenu.Item>
          )}
          <DropdownMenu.Separator />
          <DropdownMenu.Item className="gap-x-2" onClick={actions.deleteAccount} data-testid="mailer-account-row-delete">
            <Trash className="text-ui-fg-subtle" />
            {t("actions.delete")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu>
      <SendTestMailDialog account={account} open={testMailOpen} onOpenChange={setTestMailOpen} />
    </>
  )
}
