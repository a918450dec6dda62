import { CLAIM_CREATED_TEMPLATES } from "../../templates/defaults/claim-created"
import { EXCHANGE_CREATED_TEMPLATES } from "../../templates/defaults/exchange-created"
import { byOccurrence, defineMailEvent } from "../define"
import { SAMPLE_CLAIM_CONTEXT, SAMPLE_EXCHANGE_CONTEXT } from "../sample-data-orders"

/** A claim or an exchange confirmed: payload `{ order_id, claim_id | exchange_id }`. Loaders: workflows/context/claims.ts. */
export const CLAIM_MAILS = defineMailEvent({
  family: "claims",
  medusa_events: { "order.claim_created": {}, "order.exchange_created": {} },
  template_events: [
    {
      name: "order.claim_created",
      label_de: "Reklamation",
      label_en: "Claim",
      description_de: "Wird gesendet, wenn eine Reklamation bestätigt wurde; mit reklamierten Artikeln und Ersatz oder Erstattung.",
      description_en: "Sent when a claim has been confirmed, with the claimed items and the replacement or refund.",
      resource_type: "order",
      sample_context: SAMPLE_CLAIM_CONTEXT,
      shipped: CLAIM_CREATED_TEMPLATES,
      resend: byOccurrence(({ resource_id, occurrence }) => ({ order_id: resource_id, claim_id: occurrence })),
    },
    {
      name: "order.exchange_created",
      label_de: "Umtausch",
      label_en: "Exchange",
      description_de: "Wird gesendet, wenn ein Umtausch bestätigt wurde; mit Rücksendung, neuen Artikeln und Differenzbetrag.",
      description_en: "Sent when an exchange has been confirmed, with the items to return, the new items and any difference.",
      resource_type: "order",
      sample_context: SAMPLE_EXCHANGE_CONTEXT,
      shipped: EXCHANGE_CREATED_TEMPLATES,
      resend: byOccurrence(({ resource_id, occurrence }) => ({ order_id: resource_id, exchange_id: occurrence })),
    },
  ],
})
