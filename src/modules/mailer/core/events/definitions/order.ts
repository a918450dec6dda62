import { ORDER_CANCELED_TEMPLATES } from "../../templates/defaults/order-canceled"
import { ORDER_PLACED_TEMPLATES } from "../../templates/defaults/order-placed"
import { byResourceId, defineMailEvent } from "../define"
import { loadOrderContext } from "../loaders/order-mail"
import { SAMPLE_ORDER_CONTEXT } from "../sample-data"
import { SAMPLE_CANCELED_CONTEXT } from "../sample-data-orders"

/** Order placed and canceled: payload `{ id }` of the order, loaded with loaders/order-mail.ts. */
export const ORDER_MAILS = defineMailEvent({
  family: "order",
  medusa_events: { "order.placed": { load: loadOrderContext }, "order.canceled": { load: loadOrderContext } },
  template_events: [
    {
      name: "order.placed",
      label_de: "Bestellbestätigung",
      label_en: "Order confirmation",
      description_de: "Wird gesendet, sobald ein Kunde eine Bestellung aufgegeben hat.",
      description_en: "Sent as soon as a customer has placed an order.",
      resource_type: "order",
      sample_context: SAMPLE_ORDER_CONTEXT,
      shipped: ORDER_PLACED_TEMPLATES,
      resend: byResourceId,
    },
    {
      name: "order.canceled",
      label_de: "Stornierung",
      label_en: "Order cancellation",
      description_de: "Wird gesendet, wenn eine Bestellung storniert wurde.",
      description_en: "Sent when an order has been canceled.",
      resource_type: "order",
      sample_context: SAMPLE_CANCELED_CONTEXT,
      shipped: ORDER_CANCELED_TEMPLATES,
      resend: byResourceId,
    },
  ],
})
