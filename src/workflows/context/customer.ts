import { fullName, loadLinkBases, loadStore, metadataLocale, resolveStaff, storeData, toPlainJson } from "./shared"
import type { ContextLoader, Query } from "./types"

const CUSTOMER_FIELDS = ["id", "email", "first_name", "last_name", "company_name", "has_account", "created_by", "metadata"]

type Row = Record<string, any>

/** The customer as templates see it (metadata and created_by stay out). */
export function customerView(customer: Row) {
  return {
    id: customer.id,
    email: customer.email ?? null,
    first_name: customer.first_name ?? null,
    last_name: customer.last_name ?? null,
    company_name: customer.company_name ?? null,
    has_account: Boolean(customer.has_account),
  }
}

export async function loadCustomer(query: Query, filters: Record<string, unknown>): Promise<Row | null> {
  const { data } = await query.graph({ entity: "customer", fields: CUSTOMER_FIELDS, filters })
  // Guest and registered customers may share an address; the account holder is the one to greet.
  const rows = toPlainJson(data) as Row[]
  return rows.find((c) => c.has_account) ?? rows[0] ?? null
}

/** The customer's newest order: the best hint at the language and shop they use. */
export async function loadLatestOrder(query: Query, customerId: string | null | undefined): Promise<Row | null> {
  if (!customerId) return null
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "locale", "sales_channel_id", "currency_code", "created_at"],
    filters: { customer_id: customerId },
    pagination: { take: 1, order: { created_at: "DESC" } },
  })
  return data[0] ?? null
}

/**
 * customer.created: payload `{ id }` (create-customers, also behind store
 * registration). Only customers with an account are welcomed: a customer an
 * admin enters (has_account false) has no login to welcome them to.
 */
export const loadCustomerCreatedContext: ContextLoader = async (input, { query, container }) => {
  const customer = await loadCustomer(query, { id: String(input.data.id) })
  if (!customer) {
    throw new Error(`customer ${String(input.data.id)} not found`)
  }
  const [store, links, order, staff] = await Promise.all([
    loadStore(query),
    loadLinkBases(container),
    loadLatestOrder(query, customer.id),
    resolveStaff(query, [input.staff_user_id, customer.created_by]),
  ])
  return {
    event_name: input.event_name,
    resource_type: "customer",
    resource_id: customer.id,
    recipient: customer.email ?? null,
    sales_channel_id: order?.sales_channel_id ?? null,
    locale_candidates: [metadataLocale(customer.metadata), order?.locale],
    store_locales: store.locales,
    currency_code: order?.currency_code ?? null,
    context: {
      customer: customerView(customer),
      customer_name: fullName(customer),
      store: storeData(store, links),
      account_url: links.storefront_url ? `${links.storefront_url}/account` : "",
    },
    staff_user_id: staff?.id ?? null,
    staff_user: staff,
    skip_reason: customer.has_account ? null : "NO_CUSTOMER_ACCOUNT",
  }
}
