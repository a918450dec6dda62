import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { OAuth2TokenSource, SmtpSecrets } from "../core/smtp/transport-options"
import { isOAuthAccount, oauthUser } from "./account-oauth"
import type { AccessTokens } from "./access-tokens"

/**
 * The token source an OAuth2 account's sender uses (SmtpSecrets.oauth2). `renew` (the server
 * refused the last token) asks for a refresh of exactly that token; concurrent senders that ask
 * the same get the one new token (AccessTokens).
 */
export function tokenSourceFor(tokens: AccessTokens, knex: Knex, account: { id: string; username?: string | null; sender_email: string }): OAuth2TokenSource {
  let last: string | undefined
  return {
    user: oauthUser(account),
    token: async (renew) => {
      const token = await tokens.get(knex, account.id, renew ? last : undefined)
      last = token.accessToken
      return token
    },
  }
}

/** The secrets with the account's token source added where it signs in with OAuth2. */
export function withOAuthSource(
  secrets: SmtpSecrets,
  account: Record<string, any> | null,
  tokens: AccessTokens | undefined,
  knex: Knex | undefined
): SmtpSecrets {
  if (!account || !isOAuthAccount(account) || !tokens || !knex || !account.id) return secrets
  // not connected: no source, and the transport answers OAUTH_NOT_CONNECTED
  if (!account.oauth_refresh_token) return { ...secrets, oauth2: null }
  return { ...secrets, oauth2: tokenSourceFor(tokens, knex, account as any) }
}
