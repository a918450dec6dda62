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
] as const

/** Columns that hold ciphertext and must never leave the service unencrypted or at all. */
export const SECRET_FIELDS = ["password", "dkim_private_key"] as const

export type AccountRecord = Record<string, any> & { id: string }

/** What the API may show of an account: secrets become `has_*` flags. */
export function toPublicAccount(account: AccountRecord): Record<string, unknown> {
  const { password, dkim_private_key, ...rest } = account
  return { ...rest, has_password: Boolean(password), has_dkim_private_key: Boolean(dkim_private_key) }
}

export function touchesConnection(input: Record<string, unknown>): boolean {
  return CONNECTION_FIELDS.some((field) => field in input)
}

// Configuration errors pause the account: retrying a wrong password only risks
// a lockout at the provider. The admin's fix (or a passed verify) resumes it.
const PAUSING_STATUS_BY_CODE: Record<string, string> = {
  SMTP_AUTH: "auth_failed",
  SMTP_AUTH_MISSING: "auth_failed",
  SMTP_TLS: "tls_failed",
  SMTP_DNS: "connection_failed",
  DKIM_SIGNING: "tls_failed",
  SECRET_DECRYPT_FAILED: "auth_failed",
}

export const PAUSED_ACCOUNT_STATUSES = new Set(Object.values(PAUSING_STATUS_BY_CODE))

/** The account status an error puts the account in, or null when it does not pause the account. */
export function accountStatusForError(code: string): string | null {
  return PAUSING_STATUS_BY_CODE[code] ?? null
}
