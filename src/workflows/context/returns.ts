import { loadOrderMailContext } from "./order"
import { toPlainJson } from "./shared"
import type { ContextLoader, Query } from "./types"
import { changeActors, returnView } from "../../modules/mailer/core/events/views"

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

export async function loadReturn(query: Query, id: string) {
  const { data } = await query.graph(
    { entity: "return", fields: RETURN_FIELDS, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  return toPlainJson(data[0])
}

/** The admins recorded on the order changes of a return, claim or exchange (confirmed_by first). */
export async function loadChangeActors(query: Query, filters: Record<string, unknown>): Promise<string[]> {
  const { data } = await query.graph({
    entity: "order_change",
    fields: ["id", "change_type", "created_at", "created_by", "requested_by", "confirmed_by"],
    filters,
  })
  return changeActors(data)
}

/**
 * order.return_requested / order.return_received: payload `{ order_id,
 * return_id }` (confirm-return-request, confirm-receive-return-request,
 * create-complete-return). `no_notification` lives on the return itself.
 */
function returnLoader(changeType: "return_request" | "return_receive"): ContextLoader {
  return async (input, deps) => {
    const ret = await loadReturn(deps.query, String(input.data.return_id))
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

export const loadReturnRequestedContext = returnLoader("return_request")
export const loadReturnReceivedContext = returnLoader("return_receive")
