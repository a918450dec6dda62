import { DELIVERY_CREATED_TEMPLATES } from "../../templates/defaults/delivery-created"
import { SHIPMENT_CREATED_TEMPLATES } from "../../templates/defaults/shipment-created"
import { byOccurrence, defineMailEvent } from "../define"
import { loadOrderMailContext } from "../loaders/order-mail"
import { loadOne, skippedContext } from "../loaders/shared"
import { SAMPLE_DELIVERY_CONTEXT, SAMPLE_SHIPMENT_CONTEXT } from "../sample-data-orders"
import type { ContextLoader } from "../types"
import { shipmentView } from "../views"

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

/**
 * shipment.created and delivery.created: payload `{ id: fulfillment id,
 * no_notification }` (create-shipment, mark-order-fulfillment-as-delivered).
 * The signature names who shipped it (`marked_shipped_by`), else who created
 * the fulfillment; Medusa records nobody for "delivered".
 */
export const loadFulfillmentContext: ContextLoader = async (input, deps) => {
  const fulfillment = await loadOne(deps.query, "fulfillment", FULFILLMENT_FIELDS, String(input.data.id))
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

/** A fulfillment shipped or delivered: payload `{ id }` of the fulfillment. */
export const FULFILLMENT_MAILS = defineMailEvent({
  family: "fulfillment",
  medusa_events: {
    "shipment.created": { load: loadFulfillmentContext, honours_no_notification: true },
    "delivery.created": { load: loadFulfillmentContext, honours_no_notification: true },
  },
  template_events: [
    {
      name: "shipment.created",
      label_de: "Versandbestätigung",
      label_en: "Shipping confirmation",
      description_de:
        "Wird gesendet, wenn eine Lieferung als versendet markiert wurde; mit Versandart, Sendungsnummern und Links zur Sendungsverfolgung. Nicht bei „Kunden nicht benachrichtigen“.",
      description_en:
        "Sent when a fulfillment is marked as shipped, with carrier, tracking numbers and tracking links. Not when \"notify customer\" is off.",
      resource_type: "order",
      sample_context: SAMPLE_SHIPMENT_CONTEXT,
      shipped: SHIPMENT_CREATED_TEMPLATES,
      resend: byOccurrence(({ occurrence }) => ({ id: occurrence })),
    },
    {
      name: "delivery.created",
      label_de: "Zustellung",
      label_en: "Delivery confirmation",
      description_de: "Wird gesendet, wenn eine Lieferung als zugestellt markiert wurde.",
      description_en: "Sent when a fulfillment is marked as delivered.",
      resource_type: "order",
      sample_context: SAMPLE_DELIVERY_CONTEXT,
      shipped: DELIVERY_CREATED_TEMPLATES,
      resend: byOccurrence(({ occurrence }) => ({ id: occurrence })),
    },
  ],
})
