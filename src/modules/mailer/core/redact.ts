/**
 * Removes an account's own secrets from error texts before they are stored (`last_error`, a
 * message's `error_message`), logged or returned by the API. SMTP servers echo what they could
 * not parse, sometimes the password itself ("535 … <password>"), more often the base64 tokens of
 * the AUTH exchange: `AUTH LOGIN` sends base64(user) and base64(password), `AUTH PLAIN` sends
 * base64("\0user\0password") (RFC 4616; some clients put the user name in front as authzid).
 *
 * The user name on its own is not treated as a secret: the admin API shows it with the account.
 */
export interface SecretMaterial {
  username?: string | null
  password?: string | null
  dkimPrivateKey?: string | null
  /** OAuth2 access (and refresh) tokens handed to the transport; XOAUTH2 sends them base64-wrapped. */
  tokens?: readonly string[]
}

export const REDACTED = "[redacted]"

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64")

/** base64 without its padding, so an echo that dropped the "=" still matches. */
const base64Core = (text: string) => base64(text).replace(/=+$/, "")

/** Every form in which the account's secrets may come back in a server reply or library error. */
export function secretForms(secrets: SecretMaterial): string[] {
  const forms = new Set<string>()
  const password = secrets.password || ""
  const user = (secrets.username || "").trim()
  if (password) {
    forms.add(password)
    forms.add(base64Core(password))
    forms.add(encodeURIComponent(password))
    forms.add(JSON.stringify(password).slice(1, -1))
    forms.add(base64Core(`\u0000${user}\u0000${password}`))
    if (user) forms.add(base64Core(`${user}\u0000${user}\u0000${password}`))
  }
  for (const line of pemBodyLines(secrets.dkimPrivateKey)) forms.add(line)
  for (const token of secrets.tokens ?? []) {
    if (!token) continue
    forms.add(token)
    forms.add(base64Core(token))
    // the XOAUTH2 initial response (user=…^Aauth=Bearer …^A^A), as a server might echo it
    forms.add(base64Core(`user=${user}\u0001auth=Bearer ${token}\u0001\u0001`))
  }
  // Longest first: a token that contains a shorter form is replaced as a whole.
  return [...forms].filter(Boolean).sort((a, b) => b.length - a.length)
}

/** Replaces every form of the given secrets in `text`. */
export function redactSecrets(text: string, secrets: SecretMaterial): string {
  return redactForms(text, secretForms(secrets))
}

/** Replaces each of `forms` (plain strings, matched literally) in `text`. */
export function redactForms(text: string, forms: readonly string[]): string {
  let out = text
  for (const form of forms) {
    if (form) out = out.split(form).join(REDACTED)
  }
  return out
}

function pemBodyLines(pem: string | null | undefined): string[] {
  if (!pem) return []
  const body = pem
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("-----"))
  // The whole key in one piece (as a server or library might print it) and each line of it.
  return [body.join(""), ...body.filter((line) => line.length >= 16)]
}
