import { DELIVERY_CREATED_TEMPLATES } from "../../templates/defaults/delivery-created"
import { SHIPMENT_CREATED_TEMPLATES } from "../../templates/defaults/shipment-created"
import { byOccurrence, defineMailEvent } from "../define"
import { SAMPLE_DELIVERY_CONTEXT, SAMPLE_SHIPMENT_CONTEXT } from "../sample-data-orders"

/** A fulfillment shipped or delivered: payload `{ id }` of the fulfillment. Loader: workflows/context/fulfillment.ts. */
export const FULFILLMENT_MAILS = defineMailEvent({
  family: "fulfillment",
  medusa_events: {
    "shipment.created": { honours_no_notification: true },
    "delivery.created": { honours_no_notification: true },
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
