/**
 * Rebuilding a logged mail's event payload for a resend through the send
 * workflow. The log row names the order (resource_id); the fulfillment,
 * return, claim, exchange or refund is the occurrence in its idempotency key
 * (see occurrence.ts). Pure: unit-tested in core/__tests__.
 */
import { occurrenceOf } from "./occurrence"

/** What the send workflow needs to build a logged mail again (a resend). */
export interface StoredMessageRef {
  event_name: string
  resource_id?: string | null
  idempotency_key: string
}

/**
 * The event and payload that rebuild a logged mail's context, for a resend
 * through the send workflow. Null for mails that must not be rebuilt: a
 * password reset (its token is a secret that has expired by then; the
 * customer requests a new one) and manual sends.
 */
export function eventPayloadFor(message: StoredMessageRef): { event_name: string; data: Record<string, unknown> } | null {
  const resourceId = message.resource_id ?? ""
  const occurrence = occurrenceOf(message.idempotency_key)
  const withOccurrence = (data: Record<string, unknown>) =>
    occurrence ? { event_name: message.event_name, data } : null
  switch (message.event_name) {
    case "order.placed":
    case "order.canceled":
    case "customer.created":
    case "invite.created":
      return resourceId ? { event_name: message.event_name, data: { id: resourceId } } : null
    case "shipment.created":
    case "delivery.created":
      return withOccurrence({ id: occurrence })
    case "order.return_requested":
    case "order.return_received":
      return withOccurrence({ order_id: resourceId, return_id: occurrence })
    case "order.claim_created":
      return withOccurrence({ order_id: resourceId, claim_id: occurrence })
    case "order.exchange_created":
      return withOccurrence({ order_id: resourceId, exchange_id: occurrence })
    case "payment.refunded":
      return withOccurrence({ refund_id: occurrence })
    default:
      return null
  }
}
