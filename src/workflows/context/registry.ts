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
 * logged as skipped. Wrap the loader of every event whose payload has it.
 * Returns, claims and exchanges carry the flag on the entity instead; their
 * loaders read it there.
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

/** Which loader builds the template context for which Medusa event (also used by resends). */
export const CONTEXT_LOADERS: Record<string, ContextLoader> = {
  "order.placed": loadOrderContext,
  "order.canceled": loadOrderContext,
  "shipment.created": honourNoNotification(loadFulfillmentContext),
  "delivery.created": honourNoNotification(loadFulfillmentContext),
  "order.return_requested": loadReturnRequestedContext,
  "order.return_received": loadReturnReceivedContext,
  "order.claim_created": loadClaimContext,
  "order.exchange_created": loadExchangeContext,
  "payment.refunded": loadRefundContext,
  "customer.created": loadCustomerCreatedContext,
  // One Medusa event, two template events: auth.password_reset.customer / .user.
  "auth.password_reset": loadPasswordResetContext,
  "invite.created": loadInviteContext,
  // "Resend invite" in the admin refreshes the token: the invitation goes out again.
  "invite.resent": loadInviteContext,
}

export const HANDLED_EVENTS = Object.keys(CONTEXT_LOADERS)
