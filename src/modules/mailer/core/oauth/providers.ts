import { MailerError } from "../errors"
import { isForbiddenHost, isLoopbackHost } from "../smtp/host-policy"

/**
 * Where an account's OAuth2 sign-in happens. Microsoft and Google are built in (their endpoints
 * cannot be changed by an admin, so a stored client secret or refresh token only ever goes to
 * them); "generic" takes the authorization and token URLs and the scopes from the account.
 */
export type OAuthProviderName = "microsoft" | "google" | "generic"

export interface OAuthAccountConfig {
  provider: OAuthProviderName
  tenant?: string | null
  authorize_url?: string | null
  token_url?: string | null
  /** Space-separated, as stored. */
  scopes?: string | null
}

export interface OAuthEndpoints {
  provider: OAuthProviderName
  authorizeUrl: string
  tokenUrl: string
  /** Scopes asked for: the SMTP scope, offline access (refresh token) and the OpenID identity. */
  scopes: string[]
  /** Extra authorization parameters the provider needs for a refresh token / mailbox choice. */
  extraParams: Record<string, string>
}

export const DEFAULT_MICROSOFT_TENANT = "organizations"
export const MICROSOFT_SCOPES = ["https://outlook.office.com/SMTP.Send", "offline_access"]
export const GOOGLE_SCOPES = ["https://mail.google.com/"]
// The id_token's email is how the signed-in mailbox is compared with the sender address.
const IDENTITY_SCOPES = ["openid", "email"]

// A directory (tenant) id or a domain, or one of Microsoft's aliases; nothing that changes the path.
const TENANT = /^[A-Za-z0-9][A-Za-z0-9.-]{0,253}$/

export function resolveEndpoints(config: OAuthAccountConfig): OAuthEndpoints {
  switch (config.provider) {
    case "microsoft": {
      const tenant = (config.tenant || DEFAULT_MICROSOFT_TENANT).trim()
      if (!TENANT.test(tenant)) throw new MailerError("OAUTH_CLIENT_REJECTED", `invalid Microsoft tenant "${tenant}"`)
      const base = `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/oauth2/v2.0`
      return {
        provider: "microsoft",
        authorizeUrl: `${base}/authorize`,
        tokenUrl: `${base}/token`,
        scopes: [...MICROSOFT_SCOPES, ...IDENTITY_SCOPES],
        // let the merchant pick the shop's mailbox rather than the one they are signed in with
        extraParams: { prompt: "select_account" },
      }
    }
    case "google":
      return {
        provider: "google",
        authorizeUrl: "https://accounts.google.com/o/oauth2/v2/auth",
        tokenUrl: "https://oauth2.googleapis.com/token",
        scopes: [...GOOGLE_SCOPES, ...IDENTITY_SCOPES],
        // Google issues a refresh token only with offline access, and again only after consent
        extraParams: { access_type: "offline", prompt: "consent" },
      }
    case "generic": {
      const authorizeUrl = assertEndpointUrl(config.authorize_url, "authorize_url")
      const tokenUrl = assertEndpointUrl(config.token_url, "token_url")
      const scopes = (config.scopes ?? "").split(/\s+/).filter(Boolean)
      return { provider: "generic", authorizeUrl, tokenUrl, scopes, extraParams: {} }
    }
    default:
      throw new MailerError("OAUTH_CLIENT_REJECTED", `unknown OAuth provider ${JSON.stringify(config.provider)}`)
  }
}

/**
 * A generic provider's endpoint: https (the client secret and the tokens travel there), or
 * http only to this machine (tests, a local identity provider); never a forbidden host.
 */
export function checkEndpointUrl(value: string | null | undefined): "ok" | "missing" | "invalid" | "not_https" | "forbidden" {
  if (!value) return "missing"
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return "invalid"
  }
  if (url.username || url.password || url.hash) return "invalid"
  if (isForbiddenHost(url.hostname)) return "forbidden"
  if (url.protocol === "https:") return "ok"
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return "ok"
  return url.protocol === "http:" ? "not_https" : "invalid"
}

function assertEndpointUrl(value: string | null | undefined, field: string): string {
  const verdict = checkEndpointUrl(value)
  if (verdict !== "ok") throw new MailerError("OAUTH_CLIENT_REJECTED", `${field} is ${verdict === "missing" ? "missing" : "not allowed"}: use an https URL`)
  return value as string
}

export interface AuthorizeRequest {
  clientId: string
  redirectUri: string
  state: string
  codeChallenge: string
  loginHint?: string | null
}

/** The provider's authorization URL for the code flow with PKCE (S256). */
export function buildAuthorizeUrl(endpoints: OAuthEndpoints, request: AuthorizeRequest): string {
  const url = new URL(endpoints.authorizeUrl)
  const params: Record<string, string> = {
    response_type: "code",
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: endpoints.scopes.join(" "),
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: "S256",
    ...endpoints.extraParams,
  }
  if (request.loginHint) params.login_hint = request.loginHint
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  return url.toString()
}
