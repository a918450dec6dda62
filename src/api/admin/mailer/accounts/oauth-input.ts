import { resolveEndpoints, type OAuthProviderName } from "../../../../modules/mailer/core/oauth"
import { PASSWORD_BOUND_FIELDS } from "../../../../modules/mailer/lib/account-fields"
import { TOKENS_CLEARED } from "../../../../modules/mailer/oauth/flow"
import { ApiError, fieldError } from "../lib/http-errors"
import type { OAuthBody } from "./oauth-fields"

/** The settings a sign-in (and so its tokens) belongs to. */
const REGISTRATION_COLUMNS = ["oauth_provider", "oauth_client_id", "oauth_tenant", "oauth_authorize_url", "oauth_token_url", "oauth_scopes"]

/**
 * The `oauth` object of a request as account columns, with the rules that need the stored account:
 * - Microsoft and Google keep only what they use (their endpoints and scopes are built in).
 * - The tokens belong to one sign-in: changing the provider, app registration, tenant, URLs or
 *   scopes, the SMTP server (host, port, security) or the user name drops them, and the merchant
 *   connects again. Otherwise a token could be sent to a server the admin form was pointed at.
 * - The stored client secret only goes to the token endpoint it was entered for: moving that
 *   endpoint needs the secret again (like the password and the SMTP host).
 * - Switching to password sign-in drops the tokens too.
 */
export function oauthServiceInput(input: Record<string, any>, stored: Record<string, any> | null): Record<string, any> {
  const { oauth, ...rest } = input as { oauth?: OAuthBody | null } & Record<string, any>
  const out: Record<string, any> = { ...rest, ...(oauth === undefined ? {} : columnsOf(oauth)) }
  const merged = { ...(stored ?? {}), ...out }
  if (merged.auth_method === "oauth2") assertComplete(merged)
  if (!stored) return out
  if (stored.auth_method === "oauth2" && out.auth_method === "password") return { ...out, ...TOKENS_CLEARED }
  if (merged.auth_method !== "oauth2" || !stored.oauth_refresh_token) {
    assertSecretFollowsEndpoint(stored, merged, out)
    return out
  }
  assertSecretFollowsEndpoint(stored, merged, out)
  const moved = [...REGISTRATION_COLUMNS, ...PASSWORD_BOUND_FIELDS].some((f) => f in out && norm(out[f]) !== norm(stored[f]))
  return moved ? { ...out, ...TOKENS_CLEARED } : out
}

function columnsOf(oauth: OAuthBody | null): Record<string, any> {
  if (oauth === null) {
    return { oauth_provider: null, oauth_client_id: null, oauth_client_secret: null, oauth_tenant: null, oauth_authorize_url: null, oauth_token_url: null, oauth_scopes: null }
  }
  const generic = oauth.provider === "generic"
  return {
    oauth_provider: oauth.provider,
    oauth_client_id: oauth.client_id,
    ...(oauth.client_secret !== undefined ? { oauth_client_secret: oauth.client_secret } : {}),
    oauth_tenant: oauth.provider === "microsoft" ? oauth.tenant ?? null : null,
    oauth_authorize_url: generic ? oauth.authorize_url ?? null : null,
    oauth_token_url: generic ? oauth.token_url ?? null : null,
    oauth_scopes: generic && oauth.scopes?.length ? oauth.scopes.join(" ") : null,
  }
}

function assertComplete(merged: Record<string, any>) {
  const errors = []
  if (!merged.oauth_provider || !merged.oauth_client_id) {
    errors.push(fieldError("oauth", "OAUTH_REQUIRED", {
      en: '"oauth" is required when the account signs in with OAuth2: choose the provider and enter the client id and secret.',
      de: "„oauth“ ist erforderlich, wenn sich das Konto per OAuth2 anmeldet: Wählen Sie den Anbieter und tragen Sie Client-ID und Schlüssel ein.",
    }))
  } else if (merged.oauth_provider === "generic") {
    for (const field of ["authorize_url", "token_url"]) {
      if (!merged[`oauth_${field}`]) {
        errors.push(fieldError(`oauth.${field}`, "OAUTH_URL_REQUIRED", {
          en: `"oauth.${field}" is required for a generic OAuth2 provider (Microsoft and Google have theirs built in).`,
          de: `„oauth.${field}“ ist bei einem allgemeinen OAuth2-Anbieter erforderlich (Microsoft und Google sind eingebaut).`,
        }))
      }
    }
  }
  if (errors.length) throw new ApiError("INVALID_DATA", { errors })
}

function assertSecretFollowsEndpoint(stored: Record<string, any>, merged: Record<string, any>, out: Record<string, any>) {
  if (!stored.oauth_client_secret || out.oauth_client_secret !== undefined) return
  if (tokenUrlOf(stored) === tokenUrlOf(merged)) return
  throw new ApiError("INVALID_DATA", {
    errors: [
      fieldError("oauth.client_secret", "CLIENT_SECRET_REQUIRED", {
        en: '"oauth.client_secret" is required because the token endpoint changed; enter the client secret again.',
        de: "„oauth.client_secret“ ist erforderlich, weil sich der Token-Endpunkt geändert hat; geben Sie den Client-Schlüssel erneut ein.",
      }),
    ],
  })
}

function tokenUrlOf(account: Record<string, any>): string | null {
  if (!account.oauth_provider) return null
  try {
    return resolveEndpoints({
      provider: account.oauth_provider as OAuthProviderName,
      tenant: account.oauth_tenant,
      authorize_url: account.oauth_authorize_url,
      token_url: account.oauth_token_url,
    }).tokenUrl
  } catch {
    return `invalid:${account.oauth_token_url}`
  }
}

function norm(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim().toLowerCase()
}
