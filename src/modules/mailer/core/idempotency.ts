import { normalizeLocale } from "./locale"

/**
 * Idempotency keys for the outbox's unique index. The same event for the same resource and
 * locale yields the same key on every worker, so a redelivered event inserts nothing.
 * A resend or test mail carries a fresh nonce and therefore always gets its own row.
 */
export interface EventIdempotencyInput {
  /** The template event (= the log's event_name). */
  event_name: string
  /** The resource, with its occurrence when it has one (core/events/occurrence.ts). */
  resource_id: string
  locale: string
}

/**
 * `event:resource_id:event:locale` (locale normalized, e.g. "de-de"). The event appears twice
 * because keys once held the template event in the third part, and it always equalled the
 * event: the key stays byte-identical, so an event redelivered after an upgrade is not sent twice.
 */
export function eventIdempotencyKey(input: EventIdempotencyInput): string {
  const event = keyPart("event_name", input.event_name)
  return [event, keyPart("resource_id", input.resource_id), event, keyPart("locale", normalizeLocale(input.locale ?? ""))].join(":")
}

/** `resend:<message id>:<nonce>` or `test:<account or template id>:<nonce>`. */
export function manualIdempotencyKey(kind: "resend" | "test", id: string, nonce: string): string {
  return [kind, keyPart("id", id), keyPart("nonce", nonce)].join(":")
}

function keyPart(name: string, value: string): string {
  const trimmed = (value ?? "").trim()
  if (!trimmed) throw new TypeError(`idempotency key: ${name} is empty`)
  // ":" separates the parts; escaping it (and "%") keeps "a:b" + "c" distinct from "a" + "b:c"
  return trimmed.replace(/%/g, "%25").replace(/:/g, "%3A")
}
