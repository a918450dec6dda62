import { splitOAuthColumns } from "../oauth/public-account"

/** Fields whose change invalidates a verified connection (and the pooled transport). */
export const CONNECTION_FIELDS = [
  "host",
  "port",
  "security",
  "auth_required",
  "username",
  "password",
  "sender_email",
  "dkim_domain",
  "dkim_selector",
  "dkim_private_key",
  "auth_method",
  "oauth_provider",
  "oauth_client_id",
  "oauth_client_secret",
  "oauth_tenant",
  "oauth_authorize_url",
  "oauth_token_url",
  "oauth_scopes",
] as const

/** Columns that hold ciphertext and must never leave the service unencrypted or at all. */
export const SECRET_FIELDS = ["password", "dkim_private_key", "oauth_client_secret", "oauth_refresh_token", "oauth_access_token"] as const

export type AccountRecord = Record<string, any> & { id: string }

/** What the API may show of an account: secrets become `has_*` flags. */
export function toPublicAccount(account: AccountRecord): Record<string, unknown> {
  const { password, dkim_private_key, ...rest } = account
  const { fields, oauth } = splitOAuthColumns(rest)
  return { ...fields, has_password: Boolean(password), has_dkim_private_key: Boolean(dkim_private_key), oauth }
}

/**
 * Fields that decide where (and as whom) the stored password is sent. Changing one of them
 * while keeping the stored password would let anyone with access to the account form send
 * that password to a server of their choosing and read it there, so the password must be
 * entered again with the change.
 */
export const PASSWORD_BOUND_FIELDS = ["host", "port", "security", "username"] as const

/**
 * The password-bound fields an update changes (compared with the stored account, so a form
 * that sends every field unchanged passes) while it would keep a stored password. Empty when
 * a new password comes with the change, nothing is stored, or no login will be made.
 */
export function passwordBoundChanges(stored: AccountRecord, input: Record<string, unknown>): string[] {
  if (input.password !== undefined || !stored.password) return []
  const authRequired = input.auth_required ?? stored.auth_required
  if (authRequired === false) return []
  const changed: string[] = PASSWORD_BOUND_FIELDS.filter((field) => field in input && !sameSetting(field, stored[field], input[field]))
  // Turning the login back on counts too: the host may have been changed while it was off.
  if (stored.auth_required === false && input.auth_required === true) changed.push("auth_required")
  return changed
}

function sameSetting(field: string, stored: unknown, next: unknown): boolean {
  const norm = (v: unknown) => {
    if (v === null || v === undefined) return ""
    const text = String(v).trim()
    return field === "host" ? text.toLowerCase().replace(/\.$/, "") : text
  }
  return norm(stored) === norm(next)
}

export function touchesConnection(input: Record<string, unknown>): boolean {
  return CONNECTION_FIELDS.some((field) => field in input)
}
