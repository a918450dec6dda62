import type { ContextLoader, EmailEventInput, LoadedEmailContext, LoaderDeps } from "../types"
import { changeActors } from "../views"
import { fullName, loadOne, loadStore, resolveStaff, storeData } from "./shared"

/** The order every order-family mail (placed, canceled, shipped, returned, refunded …) is about. */

export const ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "currency_code",
  "locale",
  "status",
  "created_at",
  "canceled_at",
  "sales_channel_id",
  "metadata",
  "total",
  "subtotal",
  "tax_total",
  "discount_total",
  "shipping_total",
  "item_total",
  "item_subtotal",
  "original_total",
  "items.id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.variant_sku",
  "items.thumbnail",
  "items.quantity",
  "items.unit_price",
  "items.subtotal",
  "items.total",
  "shipping_address.*",
  "billing_address.*",
  "shipping_methods.name",
  "shipping_methods.amount",
  "customer.id",
  "customer.first_name",
  "customer.last_name",
  "customer.email",
  "customer.has_account",
]

export async function loadOrder(query: LoaderDeps["query"], orderId: string) {
  return loadOne(query, "order", ORDER_FIELDS, orderId)
}

/** The name to greet: the customer's, else the one on the shipping address. */
export function customerNameOf(order: Record<string, any>): string {
  return fullName(order.customer) || fullName(order.shipping_address) || ""
}

/** What an order-family loader adds to the order's context. */
export interface OrderMailSpec {
  order_id: string
  /** The fulfillment, return, claim, exchange or refund the mail is about (see LoadedEmailContext). */
  occurrence_id?: string | null
  /** Admin user ids Medusa recorded for the action, most relevant first. */
  staff_ids?: unknown[]
  skip_reason?: string | null
  /** The event's own variables (shipment, return…), built from the loaded order. */
  extra?: (order: Record<string, any>) => Record<string, unknown>
}

/**
 * The context every order mail shares: order, customer, greeting name, store,
 * locale (the order's) and sales channel, plus the event's own variables.
 * The log row is about the order, so the order page lists all of its mails.
 * The store's URL, country and tax note come from the settings (links-context.ts).
 */
export async function loadOrderMailContext(
  input: EmailEventInput,
  { query }: LoaderDeps,
  spec: OrderMailSpec
): Promise<LoadedEmailContext> {
  const [order, store, staff] = await Promise.all([
    loadOrder(query, spec.order_id),
    loadStore(query),
    resolveStaff(query, [input.staff_user_id, ...(spec.staff_ids ?? [])]),
  ])
  const { customer, ...orderFields } = order
  return {
    event_name: input.event_name,
    resource_type: "order",
    resource_id: order.id,
    occurrence_id: spec.occurrence_id ?? null,
    recipient: order.email ?? customer?.email ?? null,
    sales_channel_id: order.sales_channel_id ?? null,
    locale_candidates: [order.locale],
    store_locales: store.locales,
    currency_code: order.currency_code ?? null,
    context: {
      order: orderFields,
      customer: customer ?? null,
      customer_name: customerNameOf(order),
      store: storeData(store),
      ...(spec.extra?.(order) ?? {}),
    },
    staff_user_id: staff?.id ?? null,
    staff_user: staff,
    skip_reason: spec.skip_reason ?? null,
    links: { store_url: true, shop_details: true },
  }
}

/** The admins recorded on the order changes of a return, claim or exchange (confirmed_by first). */
export async function loadChangeActors(query: LoaderDeps["query"], filters: Record<string, unknown>): Promise<string[]> {
  const { data } = await query.graph({
    entity: "order_change",
    fields: ["id", "change_type", "created_at", "created_by", "requested_by", "confirmed_by"],
    filters,
  })
  return changeActors(data)
}

/** Context for events whose payload is `{ id: order id }` (order.placed, order.canceled). */
export const loadOrderContext: ContextLoader = (input, deps) =>
  loadOrderMailContext(input, deps, { order_id: String(input.data.id ?? input.data.order_id) })
