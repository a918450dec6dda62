import type { MailerWarning, SmtpSecurity } from "../../../../../lib/types"

/**
 * The API's port/security warnings (PORT_465_NEEDS_SSL, PORT_NEEDS_STARTTLS,
 * UNENCRYPTED_PUBLIC_HOST), computed again in the browser so the merchant sees them
 * while typing, before anything is saved. Same rules as the server's
 * `securityWarnings` (core/smtp/transport-options.ts), which needs node:net.
 */
export type ConnectionHintCode = "PORT_465_NEEDS_SSL" | "PORT_NEEDS_STARTTLS" | "UNENCRYPTED_PUBLIC_HOST"

export interface ConnectionHint {
  code: ConnectionHintCode | string
  /** The server's sentence for a saved account; live hints are translated by code. */
  message?: string
  /** The security that fixes it, offered as a one-click button. */
  suggestion: SmtpSecurity | null
}

export function suggestedSecurity(code: string, port: number): SmtpSecurity | null {
  if (code === "PORT_465_NEEDS_SSL") return "ssl"
  if (code === "PORT_NEEDS_STARTTLS") return "starttls"
  if (code === "UNENCRYPTED_PUBLIC_HOST") return port === 465 ? "ssl" : "starttls"
  return null
}

export function connectionHints(input: { host: string; port: number | null; security: SmtpSecurity }): ConnectionHint[] {
  const port = input.port ?? 0
  const codes: ConnectionHintCode[] = []
  if (port === 465 && input.security !== "ssl") codes.push("PORT_465_NEEDS_SSL")
  if ((port === 587 || port === 25) && input.security === "ssl") codes.push("PORT_NEEDS_STARTTLS")
  if (input.security === "none" && input.host.trim() && !isLocalHost(input.host)) codes.push("UNENCRYPTED_PUBLIC_HOST")
  return codes.map((code) => ({ code, suggestion: suggestedSecurity(code, port) }))
}

export function hintsFromWarnings(warnings: MailerWarning[], port: number): ConnectionHint[] {
  return warnings.map((w) => ({ code: w.code, message: w.message, suggestion: suggestedSecurity(w.code, port) }))
}

/** Loopback, *.local(host) and private ranges (not link-local): plain text there does not cross the internet. */
export function isLocalHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "")
  if (h === "localhost" || h.endsWith(".localhost") || h.endsWith(".local")) return true
  const v4 = h.match(/^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/)
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])]
    return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31)
  }
  if (h.includes(":")) return h === "::1" || /^f[cd][0-9a-f]{0,2}:/.test(h)
  return false
}
