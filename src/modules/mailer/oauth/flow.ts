import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import { MailerError } from "../core/errors"
import { buildAuthorizeUrl, codeChallengeS256, hashState, identityFromIdToken, randomUrlSafe, sameMailbox } from "../core/oauth"
import type { SecretBox } from "../lib/secrets"
import { OAUTH_COLUMNS, oauthClientOf, type OAuthAccountRow } from "./account-oauth"
import { requestToken } from "./token-client"

/** How long a started sign-in may take before its state is void. */
export const STATE_TTL_MS = 10 * 60 * 1000

/**
 * Starts the authorization-code flow with PKCE for an account: stores the state's hash bound to
 * the admin user and the account, the verifier sealed, and returns the provider's URL.
 */
export async function startAuthorization(
  knex: Knex,
  box: SecretBox,
  input: { accountId: string; userId: string; redirectUri: string; now?: number }
): Promise<string> {
  const account = await readAccount(knex, input.accountId)
  const client = oauthClientOf(box, account)
  const now = input.now ?? Date.now()
  const state = randomUrlSafe(32)
  const verifier = randomUrlSafe(48)
  const id = generateEntityId(undefined, "moas")
  // expired sign-ins nobody finished are cleared on the way
  await knex("mailer_oauth_state").where("expires_at", "<", new Date(now)).delete()
  await knex("mailer_oauth_state").insert({
    id,
    state_hash: hashState(state),
    account_id: account.id,
    user_id: input.userId,
    code_verifier: box.seal(verifier, id),
    redirect_uri: input.redirectUri,
    expires_at: new Date(now + STATE_TTL_MS),
  })
  return buildAuthorizeUrl(client.endpoints, {
    clientId: client.clientId,
    redirectUri: input.redirectUri,
    state,
    codeChallenge: codeChallengeS256(verifier),
    loginHint: account.username?.trim() || account.sender_email,
  })
}

/**
 * Takes a state (single use: the row is deleted in the same statement that reads it) and checks
 * it was started by this admin user and has not expired. The account id it names is returned even
 * for a state that fails the user check, so the admin can be sent back to the account.
 */
export async function takeState(knex: Knex, box: SecretBox, state: string, userId: string, now = Date.now()) {
  if (!state) throw new MailerError("OAUTH_STATE_INVALID", "the state is missing")
  const [row] = await knex("mailer_oauth_state").where({ state_hash: hashState(state) }).delete().returning("*")
  if (!row) throw new MailerError("OAUTH_STATE_INVALID", "unknown or already used state")
  if (new Date(row.expires_at).getTime() <= now) {
    throw Object.assign(new MailerError("OAUTH_STATE_INVALID", "the state has expired"), { accountId: row.account_id })
  }
  if (row.user_id !== userId) {
    throw Object.assign(new MailerError("OAUTH_STATE_INVALID", "the state belongs to another admin user"), { accountId: row.account_id })
  }
  return { accountId: row.account_id as string, verifier: box.open(row.code_verifier, row.id), redirectUri: row.redirect_uri as string }
}

export interface CompletedAuthorization {
  accountId: string
  identity: string | null
}

/**
 * The callback: exchanges the code (with the PKCE verifier), checks the signed-in identity
 * against the account's sender address (or its user name, for send-as setups) where the
 * provider tells it, and stores refresh and access token sealed with the expiry.
 */
export async function completeAuthorization(
  knex: Knex,
  box: SecretBox,
  taken: { accountId: string; verifier: string; redirectUri: string },
  code: string
): Promise<CompletedAuthorization> {
  const account = await readAccount(knex, taken.accountId)
  const client = oauthClientOf(box, account)
  const tokens = await requestToken(client.endpoints.tokenUrl, "authorization_code", {
    code,
    redirect_uri: taken.redirectUri,
    code_verifier: taken.verifier,
    client_id: client.clientId,
    client_secret: client.clientSecret,
  })
  const identity = identityFromIdToken(tokens.idToken)
  const allowed = [account.sender_email, account.username].filter((v): v is string => Boolean(v))
  if (identity && !allowed.some((address) => sameMailbox(identity, address))) {
    throw Object.assign(new MailerError("OAUTH_IDENTITY_MISMATCH", `signed in as ${identity}, the account sends as ${account.sender_email}`), {
      params: { identity, sender: account.sender_email },
    })
  }
  if (!tokens.refreshToken) {
    throw new MailerError("OAUTH_PROVIDER_ERROR", "the provider issued no refresh token (offline access not granted)")
  }
  await knex("mailer_account")
    .where({ id: account.id })
    .update({
      oauth_refresh_token: box.seal(tokens.refreshToken, account.id),
      oauth_access_token: box.seal(tokens.accessToken, account.id),
      oauth_access_token_expires_at: new Date(tokens.expiresAt),
      oauth_identity: identity,
      oauth_connected_at: new Date(),
      // new credentials, not yet tried against the SMTP server: no longer paused
      status: "unverified",
      last_error: null,
      updated_at: new Date(),
    })
  return { accountId: account.id, identity }
}

/** Drops the tokens (disconnect); the app registration stays. */
export async function dropTokens(knex: Knex, accountId: string): Promise<void> {
  await knex("mailer_account")
    .where({ id: accountId })
    .update({ ...TOKENS_CLEARED, status: "unverified", last_error: null, updated_at: new Date() })
}

export const TOKENS_CLEARED = {
  oauth_refresh_token: null,
  oauth_access_token: null,
  oauth_access_token_expires_at: null,
  oauth_identity: null,
  oauth_connected_at: null,
}

async function readAccount(knex: Knex, id: string): Promise<OAuthAccountRow> {
  const row = await knex("mailer_account").where({ id }).whereNull("deleted_at").first(OAUTH_COLUMNS as unknown as string[])
  if (!row) throw new MailerError("NO_ACCOUNT")
  if (row.auth_method !== "oauth2") throw new MailerError("OAUTH_NOT_CONFIGURED", "the account signs in with a password")
  return row as OAuthAccountRow
}
