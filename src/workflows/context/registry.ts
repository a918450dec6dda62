import { loadPasswordResetContext } from "./auth"
import { loadClaimContext, loadExchangeContext } from "./claims"
import { loadCustomerCreatedContext } from "./customer"
import { loadFulfillmentContext } from "./fulfillment"
import { loadInviteContext } from "./invite"
import { loadOrderContext } from "./order"
import { loadRefundContext } from "./payment"
import { loadReturnReceivedContext, loadReturnRequestedContext } from "./returns"
import type { ContextLoader } from "./types"

/**
 * `no_notification: true` in the payload (fulfillment, shipment, delivery and
 * order-edit events carry it) means "do not tell the customer": the mail is
 * logged as skipped. Returns, claims and exchanges carry the flag on the
 * entity instead; their loaders read it there.
 */
export function honourNoNotification(loader: ContextLoader): ContextLoader {
  return async (input, deps) => {
    const loaded = await loader(input, deps)
    if (input.data?.no_notification === true && !loaded.skip_reason) {
      return { ...loaded, skip_reason: "NO_NOTIFICATION" }
    }
    return loaded
  }
}

/** Which loader builds the template context for which Medusa event. */
export const CONTEXT_LOADERS: Record<string, ContextLoader> = Object.fromEntries(
  Object.entries({
    "order.placed": loadOrderContext,
    "order.canceled": loadOrderContext,
    "shipment.created": loadFulfillmentContext,
    "delivery.created": loadFulfillmentContext,
    "order.return_requested": loadReturnRequestedContext,
    "order.return_received": loadReturnReceivedContext,
    "order.claim_created": loadClaimContext,
    "order.exchange_created": loadExchangeContext,
    "payment.refunded": loadRefundContext,
    "customer.created": loadCustomerCreatedContext,
    // One Medusa event, two template events: auth.password_reset.customer / .user.
    "auth.password_reset": loadPasswordResetContext,
    "invite.created": loadInviteContext,
  }).map(([event, loader]) => [event, honourNoNotification(loader)])
)

export const HANDLED_EVENTS = Object.keys(CONTEXT_LOADERS)

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

/** The occurrence part of an event idempotency key (`event:resource/occurrence:template:locale`). */
export function occurrenceOf(idempotencyKey: string): string | null {
  const resourcePart = idempotencyKey.split(":")[1] ?? ""
  const slash = resourcePart.indexOf("/")
  if (slash < 0) return null
  return decodeURIComponent(resourcePart.slice(slash + 1)) || null
}
