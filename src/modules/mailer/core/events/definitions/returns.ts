import { RETURN_RECEIVED_TEMPLATES } from "../../templates/defaults/return-received"
import { RETURN_REQUESTED_TEMPLATES } from "../../templates/defaults/return-requested"
import { byOccurrence, defineMailEvent } from "../define"
import { SAMPLE_RETURN_RECEIVED_CONTEXT, SAMPLE_RETURN_REQUESTED_CONTEXT } from "../sample-data-orders"

const returnPayload = byOccurrence(({ resource_id, occurrence }) => ({ order_id: resource_id, return_id: occurrence }))

/** A return requested or received: payload `{ order_id, return_id }`. Loaders: workflows/context/returns.ts. */
export const RETURN_MAILS = defineMailEvent({
  family: "returns",
  medusa_events: { "order.return_requested": {}, "order.return_received": {} },
  template_events: [
    {
      name: "order.return_requested",
      label_de: "Retoure angemeldet",
      label_en: "Return registered",
      description_de: "Wird gesendet, wenn eine Retoure angelegt und bestätigt wurde; mit den zurückzusendenden Artikeln.",
      description_en: "Sent when a return has been requested and confirmed, listing the items to send back.",
      resource_type: "order",
      sample_context: SAMPLE_RETURN_REQUESTED_CONTEXT,
      shipped: RETURN_REQUESTED_TEMPLATES,
      resend: returnPayload,
    },
    {
      name: "order.return_received",
      label_de: "Retoure erhalten",
      label_en: "Return received",
      description_de: "Wird gesendet, wenn die Rücksendung im Lager angenommen wurde.",
      description_en: "Sent when the returned items have been received.",
      resource_type: "order",
      sample_context: SAMPLE_RETURN_RECEIVED_CONTEXT,
      shipped: RETURN_RECEIVED_TEMPLATES,
      resend: returnPayload,
    },
  ],
})
