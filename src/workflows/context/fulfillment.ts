import { loadOrderMailContext } from "./order"
import { skippedContext, toPlainJson } from "./shared"
import type { ContextLoader, Query } from "./types"
import { shipmentView } from "../../modules/mailer/core/events/views"

const FULFILLMENT_FIELDS = [
  "id",
  "created_by",
  "marked_shipped_by",
  "shipped_at",
  "delivered_at",
  "canceled_at",
  "labels.tracking_number",
  "labels.tracking_url",
  "items.title",
  "items.sku",
  "items.quantity",
  "items.line_item_id",
  "shipping_option.name",
  "order.id",
]

async function loadFulfillment(query: Query, id: string) {
  const { data } = await query.graph(
    { entity: "fulfillment", fields: FULFILLMENT_FIELDS, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  return toPlainJson(data[0])
}

/**
 * shipment.created and delivery.created: payload `{ id: fulfillment id,
 * no_notification }` (create-shipment, mark-order-fulfillment-as-delivered).
 * The signature names who shipped it (`marked_shipped_by`), else who created
 * the fulfillment; Medusa records nobody for "delivered".
 */
export const loadFulfillmentContext: ContextLoader = async (input, deps) => {
  const fulfillment = await loadFulfillment(deps.query, String(input.data.id))
  const orderId = fulfillment.order?.id
  if (!orderId) {
    // A fulfillment without an order (e.g. a return's) is not the customer's shipment.
    return skippedContext(input.event_name, { type: "fulfillment", id: fulfillment.id }, "NO_ORDER")
  }
  return loadOrderMailContext(input, deps, {
    order_id: orderId,
    occurrence_id: fulfillment.id,
    staff_ids: [fulfillment.marked_shipped_by, fulfillment.created_by],
    extra: (order) => ({ shipment: shipmentView(fulfillment, order.items) }),
  })
}
