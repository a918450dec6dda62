import { PAYMENT_REFUNDED_TEMPLATES } from "../../templates/defaults/payment-refunded"
import { byOccurrence, defineMailEvent } from "../define"
import { loadOrderMailContext } from "../loaders/order-mail"
import { loadOne, skippedContext } from "../loaders/shared"
import { SAMPLE_REFUND_CONTEXT } from "../sample-data-orders"
import type { ContextLoader, QueryGraph } from "../types"
import { latestRefund } from "../views"

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

async function paymentOfRefund(query: QueryGraph, refundId: string | null): Promise<string> {
  const { data } = await query.graph(
    { entity: "refund", fields: ["id", "payment_id"], filters: { id: refundId } },
    { throwIfKeyNotFound: true }
  )
  return data[0].payment_id
}

/**
 * payment.refunded: payload `{ id: payment id }` (refund-payment). The event
 * does not say which refund; it is the payment's newest one. Its id is the
 * occurrence, so a second partial refund gets its own mail.
 */
export const loadRefundContext: ContextLoader = async (input, deps) => {
  const refundId = input.data.refund_id ? String(input.data.refund_id) : null
  const paymentId = input.data.id ? String(input.data.id) : await paymentOfRefund(deps.query, refundId)
  const payment = await loadOne(deps.query, "payment", PAYMENT_FIELDS, paymentId)
  // A resend names its refund ({ refund_id }); the event itself only names the payment.
  const refund = refundId ? payment.refunds?.find((r: { id: string }) => r.id === refundId) : latestRefund(payment.refunds)
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

/** A payment refunded: payload `{ id }` of the payment (the refund is looked up). */
export const PAYMENT_MAILS = defineMailEvent({
  family: "payment",
  medusa_events: { "payment.refunded": { load: loadRefundContext } },
  template_events: [
    {
      name: "payment.refunded",
      label_de: "Erstattung",
      label_en: "Refund",
      description_de: "Wird gesendet, wenn eine Zahlung (teilweise) erstattet wurde; mit dem erstatteten Betrag.",
      description_en: "Sent when a payment has been (partially) refunded, with the refunded amount.",
      resource_type: "order",
      sample_context: SAMPLE_REFUND_CONTEXT,
      shipped: PAYMENT_REFUNDED_TEMPLATES,
      resend: byOccurrence(({ occurrence }) => ({ refund_id: occurrence })),
    },
  ],
})
