import { CLAIM_CREATED_TEMPLATES } from "../../templates/defaults/claim-created"
import { EXCHANGE_CREATED_TEMPLATES } from "../../templates/defaults/exchange-created"
import { byOccurrence, defineMailEvent } from "../define"
import { loadChangeActors, loadOrderMailContext } from "../loaders/order-mail"
import { loadOne } from "../loaders/shared"
import { SAMPLE_CLAIM_CONTEXT, SAMPLE_EXCHANGE_CONTEXT } from "../sample-data-orders"
import type { ContextLoader } from "../types"
import { claimView, exchangeView } from "../views"

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

/** A claim or an exchange confirmed: payload `{ order_id, claim_id | exchange_id }`. */
export const CLAIM_MAILS = defineMailEvent({
  family: "claims",
  medusa_events: { "order.claim_created": { load: loadClaimContext }, "order.exchange_created": { load: loadExchangeContext } },
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
