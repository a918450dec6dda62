import { fullName, loadStaffUser, loadStore, toPlainJson } from "./shared"
import type { ContextLoader, Query } from "./types"

export const ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "currency_code",
  "locale",
  "created_at",
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

export async function loadOrder(query: Query, orderId: string) {
  const { data } = await query.graph(
    { entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } },
    { throwIfKeyNotFound: true }
  )
  return toPlainJson(data[0])
}

/** The name to greet: the customer's, else the one on the shipping address. */
export function customerNameOf(order: Record<string, any>): string {
  return fullName(order.customer) || fullName(order.shipping_address) || ""
}

/** Context for events whose payload is `{ id: order id }` (order.placed, order.canceled). */
export const loadOrderContext: ContextLoader = async (input, { query }) => {
  const orderId = String(input.data.id ?? input.data.order_id)
  const [order, store, staff] = await Promise.all([
    loadOrder(query, orderId),
    loadStore(query),
    loadStaffUser(query, input.staff_user_id),
  ])
  const { customer, ...orderFields } = order
  return {
    event_name: input.event_name,
    resource_type: "order",
    resource_id: order.id,
    recipient: order.email ?? customer?.email ?? null,
    sales_channel_id: order.sales_channel_id ?? null,
    locale_candidates: [order.locale],
    store_locales: store.locales,
    currency_code: order.currency_code ?? null,
    context: {
      order: orderFields,
      customer: customer ?? null,
      customer_name: customerNameOf(order),
      store: { name: store.name },
    },
    staff_user_id: input.staff_user_id ?? null,
    staff_user: staff,
    skip_reason: null,
  }
}
