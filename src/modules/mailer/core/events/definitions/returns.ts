import { RETURN_RECEIVED_TEMPLATES } from "../../templates/defaults/return-received"
import { RETURN_REQUESTED_TEMPLATES } from "../../templates/defaults/return-requested"
import { byOccurrence, defineMailEvent } from "../define"
import { loadChangeActors, loadOrderMailContext } from "../loaders/order-mail"
import { loadOne } from "../loaders/shared"
import { SAMPLE_RETURN_RECEIVED_CONTEXT, SAMPLE_RETURN_REQUESTED_CONTEXT } from "../sample-data-orders"
import type { ContextLoader } from "../types"
import { returnView } from "../views"

const RETURN_FIELDS = [
  "id",
  "display_id",
  "status",
  "order_id",
  "no_notification",
  "created_by",
  "refund_amount",
  "requested_at",
  "received_at",
  "items.item_id",
  "items.quantity",
  "items.received_quantity",
]

/**
 * order.return_requested / order.return_received: payload `{ order_id,
 * return_id }` (confirm-return-request, confirm-receive-return-request,
 * create-complete-return). `no_notification` lives on the return itself.
 */
function returnLoader(changeType: "return_request" | "return_receive"): ContextLoader {
  return async (input, deps) => {
    const ret = await loadOne(deps.query, "return", RETURN_FIELDS, String(input.data.return_id))
    const actors = await loadChangeActors(deps.query, { return_id: ret.id, change_type: changeType })
    return loadOrderMailContext(input, deps, {
      order_id: String(input.data.order_id ?? ret.order_id),
      occurrence_id: ret.id,
      staff_ids: [...actors, ret.created_by],
      skip_reason: ret.no_notification ? "NO_NOTIFICATION" : null,
      extra: (order) => ({ return: returnView(ret, order.items) }),
    })
  }
}

const returnPayload = byOccurrence(({ resource_id, occurrence }) => ({ order_id: resource_id, return_id: occurrence }))

/** A return requested or received: payload `{ order_id, return_id }`. */
export const RETURN_MAILS = defineMailEvent({
  family: "returns",
  medusa_events: {
    "order.return_requested": { load: returnLoader("return_request") },
    "order.return_received": { load: returnLoader("return_receive") },
  },
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
