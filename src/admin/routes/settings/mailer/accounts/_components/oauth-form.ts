import { z } from "zod"
import type { OAuthInput } from "../../../../../lib/api/accounts"
import type { AuthMethod, MailerAccount, OAuthProvider } from "../../../../../lib/types"

/**
 * The OAuth2 part of the account form (API contract: docs/api.md, "auth_method" and "oauth"):
 * its fields as the inputs hold them, their checks and the `oauth` object of the request body.
 * Kept apart from form-schema.ts, which spreads these into the whole form.
 */
const V = "accounts.validation."

export const OAUTH_PROVIDERS: OAuthProvider[] = ["microsoft", "google", "generic"]

/** The SMTP server each built-in provider's XOAUTH2 login works with (filled in when empty). */
export const OAUTH_SMTP_SERVERS: Partial<Record<OAuthProvider, { host: string; port: string; security: "ssl" | "starttls" }>> = {
  microsoft: { host: "smtp.office365.com", port: "587", security: "starttls" },
  google: { host: "smtp.gmail.com", port: "465", security: "ssl" },
}

// Loopback may use http (a provider in a test or on the shop's own machine); everything else https.
const endpointUrl = z
  .string()
  .trim()
  .refine((v) => v === "" || /^https:\/\/[^\s]+$/i.test(v) || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/[^\s]*)?$/i.test(v), `${V}httpsUrl`)

export const oauthFormShape = {
  auth_method: z.enum(["password", "oauth2"]),
  oauth_provider: z.enum(["microsoft", "google", "generic"]),
  oauth_client_id: z.string().trim().max(500, `${V}tooLong`),
  oauth_client_secret: z.string(),
  clear_oauth_client_secret: z.boolean(),
  oauth_tenant: z.string().trim().max(200, `${V}tooLong`),
  oauth_authorize_url: endpointUrl,
  oauth_token_url: endpointUrl,
  /** Space- or comma-separated, as providers document them. */
  oauth_scopes: z.string(),
}

type OAuthValues = { [K in keyof typeof oauthFormShape]: z.infer<(typeof oauthFormShape)[K]> }

/** The fields a generic provider cannot do without (Microsoft and Google are built in). */
export function oauthIssues(values: OAuthValues): { path: keyof OAuthValues; message: string }[] {
  if (values.auth_method !== "oauth2") return []
  const issues: { path: keyof OAuthValues; message: string }[] = []
  if (!values.oauth_client_id.trim()) issues.push({ path: "oauth_client_id", message: `${V}required` })
  if (values.oauth_provider === "generic") {
    if (!values.oauth_authorize_url.trim()) issues.push({ path: "oauth_authorize_url", message: `${V}required` })
    if (!values.oauth_token_url.trim()) issues.push({ path: "oauth_token_url", message: `${V}required` })
  }
  return issues
}

export function oauthFormValues(account?: MailerAccount): OAuthValues {
  const oauth = account?.oauth
  return {
    auth_method: (account?.auth_method ?? "password") as AuthMethod,
    oauth_provider: oauth?.provider ?? "microsoft",
    oauth_client_id: oauth?.client_id ?? "",
    oauth_client_secret: "",
    clear_oauth_client_secret: false,
    oauth_tenant: oauth?.tenant ?? "",
    oauth_authorize_url: oauth?.authorize_url ?? "",
    oauth_token_url: oauth?.token_url ?? "",
    oauth_scopes: (oauth?.scopes ?? []).join(" "),
  }
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim())

/** The stored OAuth2 settings as the API takes them; only the provider's own fields. */
function oauthSettings(values: OAuthValues): Omit<OAuthInput, "client_secret"> {
  const provider = values.oauth_provider
  return {
    provider,
    client_id: values.oauth_client_id.trim(),
    tenant: provider === "microsoft" ? orNull(values.oauth_tenant) : null,
    authorize_url: provider === "generic" ? orNull(values.oauth_authorize_url) : null,
    token_url: provider === "generic" ? orNull(values.oauth_token_url) : null,
    scopes: provider === "generic" ? values.oauth_scopes.split(/[\s,]+/).filter(Boolean) : null,
  }
}

/**
 * `auth_method` and `oauth` of the request body. For an existing account only what changed:
 * the method when it changed, `oauth` when a setting changed or a secret is typed or removed
 * (undefined client_secret keeps the stored one, null removes it).
 */
export function oauthBody(values: OAuthValues, account?: MailerAccount): { auth_method?: AuthMethod; oauth?: OAuthInput } {
  const body: { auth_method?: AuthMethod; oauth?: OAuthInput } = {}
  if (!account || values.auth_method !== (account.auth_method ?? "password")) body.auth_method = values.auth_method
  if (values.auth_method !== "oauth2") return body
  const settings = oauthSettings(values)
  const secret = values.clear_oauth_client_secret ? null : values.oauth_client_secret.trim() || undefined
  const before = account?.oauth ? JSON.stringify(oauthSettings(oauthFormValues(account))) : null
  if (before !== JSON.stringify(settings) || secret !== undefined || body.auth_method) {
    body.oauth = secret === undefined ? settings : { ...settings, client_secret: secret }
  }
  return body
}
