import type { MedusaContainer } from "@medusajs/framework/types"
import { MAILER_MODULE } from "../../modules/mailer"
import type MailerModuleService from "../../modules/mailer/service"
import { fullName, loadLinkBases, loadStore, resolveStaff, storeData, toPlainJson } from "./shared"
import type { ContextLoader, EmailEventInput, LoadedEmailContext, LoaderDeps, Query } from "./types"

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
 */
export async function loadOrderMailContext(
  input: EmailEventInput,
  { query, container }: LoaderDeps,
  spec: OrderMailSpec
): Promise<LoadedEmailContext> {
  const [order, store, links, staff, shop] = await Promise.all([
    loadOrder(query, spec.order_id),
    loadStore(query),
    loadLinkBases(container),
    resolveStaff(query, [input.staff_user_id, ...(spec.staff_ids ?? [])]),
    loadShopSettings(container),
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
      store: { ...storeData(store, links), ...shop },
      ...(spec.extra?.(order) ?? {}),
    },
    staff_user_id: staff?.id ?? null,
    staff_user: staff,
    skip_reason: spec.skip_reason ?? null,
  }
}

/**
 * What the order mails need from the settings: the shop's country (the
 * {{address}} helper leaves the country out for domestic addresses) and the
 * tax note printed when an order has no tax.
 */
async function loadShopSettings(container: MedusaContainer) {
  const settings = await container.resolve<MailerModuleService>(MAILER_MODULE).getSettings()
  const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null)
  return { country_code: text(settings.shop_country_code)?.toUpperCase() ?? null, tax_note: text(settings.tax_note) }
}

/** Context for events whose payload is `{ id: order id }` (order.placed, order.canceled). */
export const loadOrderContext: ContextLoader = (input, deps) =>
  loadOrderMailContext(input, deps, { order_id: String(input.data.id ?? input.data.order_id) })
