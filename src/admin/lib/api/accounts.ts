import { useQuery } from "@tanstack/react-query"
import { mailerKeys } from "../query-keys"
import { sdk } from "../sdk"
import type { ListResponse, MailerAccount, MailerMessage, MailerPreset, OAuthProvider } from "../types"
import { useMailerMutation, useMailerQuery } from "./use-mailer"

type AccountList = ListResponse & { accounts: MailerAccount[] }
/** Fields of POST /accounts(/:id); `verify` = "test and save", `test_to` its recipient. */
export type AccountInput = Partial<Omit<MailerAccount, "id" | "has_password" | "has_dkim_private_key" | "status" | "oauth">> & {
  password?: string | null
  oauth?: OAuthInput
  dkim_private_key?: string | null
  verify?: boolean
  test_to?: string | null
}
export interface AccountSaved {
  account: MailerAccount
  test?: { ok: boolean; to: string }
}
export interface VerifyResult {
  ok: boolean
  code?: string
  message?: string
  hint?: string
  detail?: string | null
  account: MailerAccount
}

// Accounts change what the overview, the badge and the log show.
const AFFECTED = [mailerKeys.accounts.all, mailerKeys.messages.all]

/** `refresh` lets a screen that must stay current (the topbar badge) poll and refetch on focus. */
export const useAccounts = (refresh: { refetchInterval?: number; refetchOnWindowFocus?: boolean | "always" } = {}) =>
  useMailerQuery<AccountList>((l) => mailerKeys.accounts.list(l), "/accounts", { query: { limit: 100 }, ...refresh })

export const useAccount = (id: string | undefined) =>
  useMailerQuery<{ account: MailerAccount }>((l) => mailerKeys.accounts.detail(l, id ?? ""), `/accounts/${id}`, {
    enabled: !!id,
  })

export const usePresets = () =>
  useMailerQuery<{ presets: MailerPreset[]; count: number }>((l) => mailerKeys.presets.list(l), "/presets")

export const useCreateAccount = () =>
  useMailerMutation<AccountInput, AccountSaved>((body) => ({ path: "/accounts", body }), AFFECTED)

export const useUpdateAccount = (id: string) =>
  useMailerMutation<AccountInput, AccountSaved>((body) => ({ path: `/accounts/${id}`, body }), AFFECTED)

export const useDeleteAccount = (id: string) =>
  useMailerMutation<{ confirm: string }, { id: string; deleted: boolean }>(
    (body) => ({ path: `/accounts/${id}`, method: "DELETE", body }),
    AFFECTED
  )

export const useVerifyAccount = (id: string) =>
  useMailerMutation<void, VerifyResult>(() => ({ path: `/accounts/${id}/verify` }), AFFECTED)

/** The `oauth` object of POST /accounts(/:id); `client_secret` is write-only like the password. */
export interface OAuthInput {
  provider: OAuthProvider
  client_id: string
  client_secret?: string | null
  tenant?: string | null
  authorize_url?: string | null
  token_url?: string | null
  scopes?: string[] | null
}

/** OAuth2 sign-in: where to send the browser, and dropping the tokens. */
export const useAuthorizeAccount = () =>
  useMailerMutation<string, { authorize_url: string }>((id) => ({ path: `/accounts/${id}/oauth/authorize` }), AFFECTED)

export const useDisconnectAccount = (id: string) =>
  useMailerMutation<void, unknown>(() => ({ path: `/accounts/${id}/oauth`, method: "DELETE" }), AFFECTED)

/** What the merchant registers with the provider as redirect URL. */
export const useOAuthRedirectUrl = (enabled: boolean) =>
  useMailerQuery<{ redirect_url: string }>((l) => [...mailerKeys.accounts.all, "oauth-redirect-url", l], "/oauth/redirect-url", { enabled })

export const useSendAccountTestEmail = (id: string) =>
  useMailerMutation<{ to?: string | null }, { message: MailerMessage }>(
    (body) => ({ path: `/accounts/${id}/test-email`, body }),
    AFFECTED
  )

/** DKIM key and sender DNS (POST/GET /accounts/:id/dkim, GET /accounts/:id/dns-check). */
export interface DnsTxtRecord {
  name: string
  type: "TXT"
  value: string
  /** The value in strings of at most 255 characters, for zone files and panels that need them. */
  strings: string[]
}
export interface AccountDkim {
  domain: string | null
  selector: string | null
  has_private_key: boolean
  public_record?: DnsTxtRecord | null
}
export interface DkimGenerated {
  dns_record: DnsTxtRecord
  selector: string
  domain: string
  hint: string
  account: MailerAccount
}
export type DnsRecordStatus = "present" | "missing" | "wrong" | "unchecked"
export interface DnsCheckRecord {
  record: "spf" | "dkim" | "dmarc"
  name: string | null
  status: DnsRecordStatus
  code: string
  found: string[]
  publish: DnsTxtRecord | null
  message: string
  hint: string
}
export interface DnsCheckResult {
  domain: string
  dkim_domain: string
  checked_at: string
  records: DnsCheckRecord[]
}

export const useAccountDkim = (id: string | undefined) =>
  useMailerQuery<{ dkim: AccountDkim }>((l) => [...mailerKeys.accounts.all, "dkim", id ?? "", l], `/accounts/${id}/dkim`, {
    enabled: !!id,
  })

export const useGenerateDkimKey = (id: string) =>
  useMailerMutation<{ selector?: string; domain?: string }, DkimGenerated>((body) => ({ path: `/accounts/${id}/dkim`, body }), AFFECTED)

/** Runs only once asked (`enabled`): every run asks the DNS servers again. */
export const useDnsCheck = (id: string, enabled: boolean) =>
  useMailerQuery<DnsCheckResult>((l) => [...mailerKeys.accounts.all, "dns-check", id, l], `/accounts/${id}/dns-check`, { enabled })

/** Sales channels for the account's multi-select, from the dashboard's own API. */
export interface SalesChannelOption {
  id: string
  name: string
}

export const useSalesChannelOptions = () =>
  useQuery({
    queryKey: mailerKeys.salesChannels.list("any", { fields: "id,name" }),
    queryFn: async (): Promise<SalesChannelOption[]> => {
      const { sales_channels } = await sdk.admin.salesChannel.list({ limit: 200, fields: "id,name" })
      return sales_channels.map((channel) => ({ id: channel.id, name: channel.name }))
    },
  })
