/**
 * Secrets in an event payload are sealed before the payload rests in the inbox: a password
 * reset's `token` would otherwise sit readable in mailer_event.data while the event waits. It
 * is encrypted with the plugin's secret key and the inbox row's id as associated data (the
 * outbox does the same with one-time links), and opened only to process the event.
 */

/** Payload keys that carry a secret (auth.password_reset's token). */
export const SECRET_PAYLOAD_KEYS = ["token"] as const

const SEALED = "$sealed"

export function sealPayload(data: Record<string, unknown>, seal: (plain: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data }
  for (const key of SECRET_PAYLOAD_KEYS) {
    const value = out[key]
    if (typeof value === "string" && value !== "") out[key] = { [SEALED]: seal(value) }
  }
  return out
}

/** The payload as emitted; throws (from `open`) when a sealed value cannot be opened. */
export function openPayload(data: Record<string, unknown>, open: (sealed: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data }
  for (const key of SECRET_PAYLOAD_KEYS) {
    const value = out[key] as Record<string, unknown> | null | undefined
    if (value && typeof value === "object" && typeof value[SEALED] === "string") out[key] = open(value[SEALED] as string)
  }
  return out
}
