import { MAIL_EVENTS, type HandledMedusaEvent } from "../../modules/mailer/core/events/definitions"
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
 * The Query loader of every Medusa event an event definition
 * (core/events/definitions) names. The type demands exactly one loader per
 * named event, so a definition without its loader does not compile.
 */
const LOADERS: Record<HandledMedusaEvent, ContextLoader> = {
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
  "auth.password_reset": loadPasswordResetContext,
  "invite.created": loadInviteContext,
  "invite.resent": loadInviteContext,
}

/**
 * `no_notification: true` in the payload (fulfillment, shipment, delivery and
 * order-edit events carry it) means "do not tell the customer": the mail is
 * logged as skipped. Definitions mark the events whose payload has it.
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

/** Which loader builds the template context for which Medusa event (also used by resends); derived from the definitions. */
export const CONTEXT_LOADERS: Record<string, ContextLoader> = Object.fromEntries(
  MAIL_EVENTS.flatMap((definition) =>
    Object.entries(definition.medusa_events).map(([event, options]) => {
      const loader = LOADERS[event as HandledMedusaEvent]
      return [event, options.honours_no_notification ? honourNoNotification(loader) : loader]
    })
  )
)

/** The events the subscriber listens to. */
export const HANDLED_EVENTS = Object.keys(CONTEXT_LOADERS)

