import { loadOrderMailContext } from "./order"
import { skippedContext, toPlainJson } from "./shared"
import type { ContextLoader, Query } from "./types"
import { latestRefund } from "./views"

const PAYMENT_FIELDS = [
  "id",
  "amount",
  "currency_code",
  "payment_collection_id",
  "refunds.id",
  "refunds.amount",
  "refunds.note",
  "refunds.created_by",
  "refunds.created_at",
  "refunds.refund_reason.label",
  // payment → payment_collection (payment module) → order (link order_payment_collection)
  "payment_collection.order.id",
]

async function loadPayment(query: Query, id: string) {
  const { data } = await query.graph(
    { entity: "payment", fields: PAYMENT_FIELDS, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  return toPlainJson(data[0])
}

/**
 * payment.refunded: payload `{ id: payment id }` (refund-payment). The event
 * does not say which refund; it is the payment's newest one. Its id is the
 * occurrence, so a second partial refund gets its own mail.
 */
export const loadRefundContext: ContextLoader = async (input, deps) => {
  const payment = await loadPayment(deps.query, String(input.data.id))
  const refund = latestRefund(payment.refunds)
  const orderId = payment.payment_collection?.order?.id
  if (!orderId || !refund) {
    // A refund of a payment outside an order (or a payment without refunds) is logged, not mailed.
    return skippedContext(input.event_name, { type: "payment", id: payment.id }, orderId ? "NO_REFUND" : "NO_ORDER")
  }
  return loadOrderMailContext(input, deps, {
    order_id: orderId,
    occurrence_id: refund.id,
    staff_ids: [refund.created_by],
    extra: () => ({
      refund: {
        id: refund.id,
        amount: refund.amount,
        currency_code: payment.currency_code,
        note: refund.note ?? null,
        reason: refund.refund_reason?.label ?? null,
        created_at: refund.created_at ?? null,
      },
      payment: { id: payment.id, amount: payment.amount, currency_code: payment.currency_code },
    }),
  })
}
