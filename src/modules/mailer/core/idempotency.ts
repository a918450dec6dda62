import { normalizeLocale } from "./locale"

/**
 * Idempotency keys for the outbox's unique index. The same event for the same resource, template
 * event and locale yields the same key on every worker, so a redelivered event inserts nothing.
 * A resend or test mail carries a fresh nonce and therefore always gets its own row.
 */
export interface EventIdempotencyInput {
  event_name: string
  resource_id: string
  template_event: string
  locale: string
}

/** `event:resource_id:template_event:locale` (locale normalized, e.g. "de-de"). */
export function eventIdempotencyKey(input: EventIdempotencyInput): string {
  return [
    keyPart("event_name", input.event_name),
    keyPart("resource_id", input.resource_id),
    keyPart("template_event", input.template_event),
    keyPart("locale", normalizeLocale(input.locale ?? "")),
  ].join(":")
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
