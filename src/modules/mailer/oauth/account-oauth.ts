import { MailerError } from "../core/errors"
import { resolveEndpoints, type OAuthEndpoints, type OAuthProviderName } from "../core/oauth"
import type { SecretBox } from "../lib/secrets"

/** The OAuth2 columns of an account row (models/account.ts). */
export interface OAuthAccountRow {
  id: string
  sender_email: string
  username?: string | null
  auth_method?: string | null
  oauth_provider?: string | null
  oauth_client_id?: string | null
  oauth_client_secret?: string | null
  oauth_tenant?: string | null
  oauth_authorize_url?: string | null
  oauth_token_url?: string | null
  oauth_scopes?: string | null
  oauth_refresh_token?: string | null
  oauth_access_token?: string | null
  oauth_access_token_expires_at?: Date | string | null
}

export const OAUTH_COLUMNS = [
  "id",
  "sender_email",
  "username",
  "auth_method",
  "oauth_provider",
  "oauth_client_id",
  "oauth_client_secret",
  "oauth_tenant",
  "oauth_authorize_url",
  "oauth_token_url",
  "oauth_scopes",
  "oauth_refresh_token",
  "oauth_access_token",
  "oauth_access_token_expires_at",
] as const

export interface OAuthClient {
  endpoints: OAuthEndpoints
  clientId: string
  clientSecret: string
}

export function isOAuthAccount(account: { auth_method?: string | null }): boolean {
  return account.auth_method === "oauth2"
}

/** The mailbox XOAUTH2 signs in as: the user name where one is set, else the sender address. */
export function oauthUser(account: { username?: string | null; sender_email: string }): string {
  return account.username?.trim() || account.sender_email.trim()
}

/**
 * The app registration of an account, secret opened. Throws OAUTH_NOT_CONFIGURED (a request
 * error: the merchant is filling in the form) when client id or secret are missing.
 */
export function oauthClientOf(box: SecretBox, account: OAuthAccountRow): OAuthClient {
  if (!account.oauth_provider || !account.oauth_client_id || !account.oauth_client_secret) {
    throw new MailerError("OAUTH_NOT_CONFIGURED")
  }
  const endpoints = resolveEndpoints({
    provider: account.oauth_provider as OAuthProviderName,
    tenant: account.oauth_tenant,
    authorize_url: account.oauth_authorize_url,
    token_url: account.oauth_token_url,
    scopes: account.oauth_scopes,
  })
  return { endpoints, clientId: account.oauth_client_id, clientSecret: openSealed(box, account.oauth_client_secret, account.id, "client secret") }
}

export function openSealed(box: SecretBox, sealed: string, accountId: string, what: string): string {
  try {
    return box.open(sealed, accountId)
  } catch {
    throw new MailerError("SECRET_DECRYPT_FAILED", `the stored OAuth ${what} cannot be decrypted`)
  }
}
