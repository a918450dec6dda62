import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MailerError } from "../core/errors"
import type { SecretBox } from "../lib/secrets"
import { OAUTH_COLUMNS, oauthClientOf, openSealed, type OAuthAccountRow } from "./account-oauth"
import { requestToken } from "./token-client"

export interface AccessToken {
  accessToken: string
  /** Epoch ms. */
  expiresAt: number
}

/** A token is renewed this long before it expires, so no send starts with one about to lapse. */
export const EXPIRY_MARGIN_MS = 60_000

/**
 * Access tokens of OAuth2 accounts, refreshed before they expire.
 *
 * - In one process, concurrent sends of an account share one refresh (single flight: one
 *   promise per account).
 * - Across processes (several Medusa workers), the refresh runs under a transaction-scoped
 *   advisory lock on the account; whoever waited re-reads the row after taking the lock and uses
 *   the token the first one stored. An advisory lock rather than `SELECT … FOR UPDATE` on the
 *   account row, so that the token request (up to 10 s) never blocks other writes to the account
 *   (status, admin edits).
 * - `rejected`: a token the SMTP server refused although it had not expired (revoked, or the
 *   provider's clocks differ). It is refreshed once, unless another send already replaced it.
 *
 * Tokens are stored sealed (AES-GCM with the account id, like the password); the refresh token is
 * replaced when the provider rotates it (Microsoft does on every refresh).
 */
export class AccessTokens {
  private readonly flights = new Map<string, Promise<AccessToken>>()

  constructor(
    private readonly box: SecretBox,
    private readonly opts: { timeoutMs?: number; now?: () => number } = {}
  ) {}

  async get(knex: Knex, accountId: string, rejected?: string): Promise<AccessToken> {
    const row = await readRow(knex, accountId)
    const stored = this.usable(row, rejected)
    if (stored) return stored
    const running = this.flights.get(accountId)
    if (running) {
      const token = await running
      // the refresh that was running may have been for another rejected token: this one is new
      if (token.accessToken !== rejected) return token
    }
    const flight = this.refreshLocked(knex, accountId, rejected).finally(() => this.flights.delete(accountId))
    this.flights.set(accountId, flight)
    return flight
  }

  private now(): number {
    return (this.opts.now ?? Date.now)()
  }

  /** The stored access token if it is valid past the margin and not the rejected one. */
  private usable(row: OAuthAccountRow, rejected?: string): AccessToken | null {
    if (!row.oauth_access_token || !row.oauth_access_token_expires_at) return null
    const expiresAt = new Date(row.oauth_access_token_expires_at).getTime()
    if (!(expiresAt - EXPIRY_MARGIN_MS > this.now())) return null
    const accessToken = openSealed(this.box, row.oauth_access_token, row.id, "access token")
    return accessToken === rejected ? null : { accessToken, expiresAt }
  }

  private async refreshLocked(knex: Knex, accountId: string, rejected?: string): Promise<AccessToken> {
    return knex.transaction(async (trx) => {
      await trx.raw("select pg_advisory_xact_lock(hashtext(?))", [`mailer_oauth:${accountId}`])
      const row = await readRow(trx, accountId)
      // another process may have refreshed while this one waited for the lock
      const fresh = this.usable(row, rejected)
      if (fresh) return fresh
      if (!row.oauth_refresh_token) throw new MailerError("OAUTH_NOT_CONNECTED")
      const client = oauthClientOf(this.box, row)
      const tokens = await requestToken(
        client.endpoints.tokenUrl,
        "refresh_token",
        {
          refresh_token: openSealed(this.box, row.oauth_refresh_token, row.id, "refresh token"),
          client_id: client.clientId,
          client_secret: client.clientSecret,
        },
        this.opts
      )
      await trx("mailer_account")
        .where({ id: accountId })
        .update({
          oauth_access_token: this.box.seal(tokens.accessToken, accountId),
          oauth_access_token_expires_at: new Date(tokens.expiresAt),
          ...(tokens.refreshToken ? { oauth_refresh_token: this.box.seal(tokens.refreshToken, accountId) } : {}),
          updated_at: new Date(),
        })
      return { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt }
    })
  }
}

async function readRow(knex: Knex, accountId: string): Promise<OAuthAccountRow> {
  const row = await knex("mailer_account").where({ id: accountId }).whereNull("deleted_at").first(OAUTH_COLUMNS as unknown as string[])
  if (!row) throw new MailerError("NO_ACCOUNT")
  return row as OAuthAccountRow
}
