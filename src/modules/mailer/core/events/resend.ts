/**
 * Rebuilding a logged mail's event payload for a resend through the send
 * workflow. The log row names the order (resource_id) and, in its own
 * `occurrence` column, the fulfillment, return, claim, exchange or refund
 * (rows written before the column existed were carried over from their
 * idempotency key by Migration20261203092937). Each event definition says how
 * (its `resend`).
 */
import type { ResendPayload } from "./define"
import { MAIL_EVENTS } from "./definitions"

/** What the send workflow needs to build a logged mail again (a resend): columns of the log row. */
export interface StoredMessageRef {
  event_name: string
  resource_id?: string | null
  occurrence?: string | null
}

const RESEND_PAYLOADS: ReadonlyMap<string, ResendPayload> = new Map(
  MAIL_EVENTS.flatMap((d) => d.template_events.flatMap((t) => (t.resend ? [[t.name, t.resend] as const] : [])))
)

/**
 * The event and payload that rebuild a logged mail's context, for a resend
 * through the send workflow. Null for mails that must not be rebuilt: a
 * password reset (its token is a secret that has expired by then; the
 * customer requests a new one) and manual sends.
 */
export function eventPayloadFor(message: StoredMessageRef): { event_name: string; data: Record<string, unknown> } | null {
  const payload = RESEND_PAYLOADS.get(message.event_name)
  const data = payload?.({ resource_id: message.resource_id ?? "", occurrence: message.occurrence || null })
  return data ? { event_name: message.event_name, data } : null
}
