import { MailerError, type MailerErrorCode } from "../errors"

/**
 * The token endpoint's answers (RFC 6749 §5) turned into tokens or into a code of the error
 * table. Pure: the HTTP call is in src/modules/mailer/oauth/token-client.ts.
 */
export interface TokenSet {
  accessToken: string
  /** Absent when the provider keeps the old one (Google on refresh); Microsoft rotates it. */
  refreshToken?: string
  /** Epoch milliseconds. */
  expiresAt: number
  idToken?: string
}

export type Grant = "authorization_code" | "refresh_token"

// Without expires_in the token is treated as short-lived, so it is refreshed rather than reused stale.
const DEFAULT_LIFETIME_S = 300

export function parseTokenResponse(status: number, body: unknown, now: number, grant: Grant): TokenSet {
  const json = (body && typeof body === "object" ? body : {}) as Record<string, unknown>
  if (status < 200 || status >= 300 || typeof json.access_token !== "string" || !json.access_token) {
    throw tokenError(status, json, grant)
  }
  const type = typeof json.token_type === "string" ? json.token_type.toLowerCase() : "bearer"
  if (type !== "bearer") throw new MailerError(failureCode(grant), `unexpected token type "${type}"`)
  const lifetime = Number(json.expires_in)
  return {
    accessToken: json.access_token,
    ...(typeof json.refresh_token === "string" && json.refresh_token ? { refreshToken: json.refresh_token } : {}),
    expiresAt: now + (Number.isFinite(lifetime) && lifetime > 0 ? lifetime : DEFAULT_LIFETIME_S) * 1000,
    ...(typeof json.id_token === "string" ? { idToken: json.id_token } : {}),
  }
}

/**
 * What a refused or failed token request means. For a refresh: invalid_grant (the refresh
 * token expired, was revoked, the password changed, consent was withdrawn) needs the merchant
 * to sign in again; a refused client (secret expired) needs the app registration fixed; the
 * endpoint being down or throttling is transient. For the code exchange every refusal is the
 * provider's answer to this sign-in (OAUTH_PROVIDER_ERROR), shown to the merchant at once.
 */
export function tokenError(status: number, json: Record<string, unknown>, grant: Grant): MailerError {
  const error = typeof json.error === "string" ? json.error : ""
  const description = typeof json.error_description === "string" ? json.error_description : ""
  const detail = sanitize([error, description].filter(Boolean).join(": ") || `HTTP ${status}`)
  if (status >= 500 || status === 429 || status === 408 || (status < 400 && !error)) {
    return new MailerError(failureCode(grant), `token endpoint answered ${detail}`)
  }
  if (grant === "authorization_code") return new MailerError("OAUTH_PROVIDER_ERROR", detail)
  const code: MailerErrorCode =
    error === "invalid_client" || error === "unauthorized_client" ? "OAUTH_CLIENT_REJECTED" : "OAUTH_REAUTH_REQUIRED"
  return new MailerError(code, detail)
}

/** A network failure or timeout talking to the token endpoint. */
export function tokenTransportError(grant: Grant, reason: string): MailerError {
  return new MailerError(failureCode(grant), `token endpoint not reachable: ${sanitize(reason)}`)
}

function failureCode(grant: Grant): MailerErrorCode {
  return grant === "refresh_token" ? "OAUTH_TOKEN_REFRESH_FAILED" : "OAUTH_PROVIDER_ERROR"
}

// Provider texts end up in the log and the admin: one line, bounded.
function sanitize(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ").slice(0, 300)
}
