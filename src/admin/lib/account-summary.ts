import type { AccountStatus, MailerAccount } from "./types"

/** Statuses in which an account's mail waits until the merchant fixes the account. */
// reauth_required: the provider refused the OAuth2 refresh token; mail waits until the merchant signs in again.
const PAUSED: AccountStatus[] = ["auth_failed", "tls_failed", "connection_failed", "reauth_required"]

export const isPaused = (account: Pick<MailerAccount, "status">) => PAUSED.includes(account.status)

/** Where an account in test mode delivers every mail (the API default is the sender address). */
export const testRecipientOf = (account: Pick<MailerAccount, "test_recipient" | "sender_email">) =>
  account.test_recipient || account.sender_email

export interface AccountSummary {
  /** No account exists: the first-run setup is due. */
  none: boolean
  /** Accounts that send (not paused). */
  sending: MailerAccount[]
  /** Accounts whose mail waits (login, TLS or connection failed). */
  paused: MailerAccount[]
  /** Sending accounts in test mode: their mail goes to the test recipient only. */
  inTestMode: MailerAccount[]
  /** At least one account exists and none can send. */
  noneCanSend: boolean
}

/** What the overview and the topbar badge say about the accounts, decided in one place. */
export function summarizeAccounts(accounts: MailerAccount[]): AccountSummary {
  const sending = accounts.filter((account) => !isPaused(account))
  return {
    none: accounts.length === 0,
    sending,
    paused: accounts.filter(isPaused),
    inTestMode: sending.filter((account) => account.test_mode),
    noneCanSend: accounts.length > 0 && sending.length === 0,
  }
}
