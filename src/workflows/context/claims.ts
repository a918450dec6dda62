import { loadOrderMailContext } from "./order"
import { loadChangeActors } from "./returns"
import { toPlainJson } from "./shared"
import type { ContextLoader, Query } from "./types"
import { claimView, exchangeView } from "../../modules/mailer/core/events/views"

const CLAIM_FIELDS = [
  "id",
  "display_id",
  "type",
  "order_id",
  "no_notification",
  "created_by",
  "refund_amount",
  "claim_items.id",
  "claim_items.item_id",
  "claim_items.quantity",
  "claim_items.is_additional_item",
  "additional_items.id",
  "additional_items.item_id",
  "additional_items.quantity",
  "additional_items.is_additional_item",
  "return.id",
  "return.items.item_id",
  "return.items.quantity",
]

const EXCHANGE_FIELDS = [
  "id",
  "display_id",
  "order_id",
  "no_notification",
  "created_by",
  "difference_due",
  "additional_items.item_id",
  "additional_items.quantity",
  "return.id",
  "return.items.item_id",
  "return.items.quantity",
]

async function loadOne(query: Query, entity: string, fields: string[], id: string) {
  const { data } = await query.graph({ entity, fields, filters: { id } }, { throwIfKeyNotFound: true })
  return toPlainJson(data[0])
}

/** order.claim_created: payload `{ order_id, claim_id }` (confirm-claim-request); no_notification on the claim. */
export const loadClaimContext: ContextLoader = async (input, deps) => {
  const claim = await loadOne(deps.query, "order_claim", CLAIM_FIELDS, String(input.data.claim_id))
  const actors = await loadChangeActors(deps.query, { claim_id: claim.id })
  return loadOrderMailContext(input, deps, {
    order_id: String(input.data.order_id ?? claim.order_id),
    occurrence_id: claim.id,
    staff_ids: [...actors, claim.created_by],
    skip_reason: claim.no_notification ? "NO_NOTIFICATION" : null,
    extra: (order) => ({ claim: claimView(claim, order.items) }),
  })
}

/** order.exchange_created: payload `{ order_id, exchange_id }` (confirm-exchange-request). */
export const loadExchangeContext: ContextLoader = async (input, deps) => {
  const exchange = await loadOne(deps.query, "order_exchange", EXCHANGE_FIELDS, String(input.data.exchange_id))
  const actors = await loadChangeActors(deps.query, { exchange_id: exchange.id })
  return loadOrderMailContext(input, deps, {
    order_id: String(input.data.order_id ?? exchange.order_id),
    occurrence_id: exchange.id,
    staff_ids: [...actors, exchange.created_by],
    skip_reason: exchange.no_notification ? "NO_NOTIFICATION" : null,
    extra: (order) => ({ exchange: exchangeView(exchange, order.items) }),
  })
}
