import { CONTEXT_LOADERS } from "../../../../workflows/context/registry"
import { loadOrderContext } from "../../../../workflows/context/order"
import { ApiError, notFound } from "../lib/http-errors"

/**
 * `order_id` in previews and test mails: the event's loader must build its
 * context from an order id alone (order.placed, order.canceled); other events
 * (shipments, returns…) need their own record and use the sample data.
 */
export function assertOrderContext(eventName: string, orderId: string | null | undefined) {
  if (!orderId) return
  if (CONTEXT_LOADERS[eventName] !== loadOrderContext) {
    throw new ApiError("NO_ORDER_CONTEXT", { params: { event_name: eventName } })
  }
}

/** Runs a workflow that loads an order; an unknown order id is a 404 that names the order. */
export async function withOrder404<T>(orderId: string | null | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    if (orderId && (err as { type?: string })?.type === "not_found") throw notFound("order", orderId)
    throw err
  }
}
