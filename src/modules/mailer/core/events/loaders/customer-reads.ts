import type { QueryGraph } from "../types"
import { toPlainJson } from "./shared"

/** Customer reads shared by the welcome mail and the customer's password reset. */

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

export async function loadCustomer(query: QueryGraph, filters: Record<string, unknown>): Promise<Row | null> {
  const { data } = await query.graph({ entity: "customer", fields: CUSTOMER_FIELDS, filters })
  // Guest and registered customers may share an address; the account holder is the one to greet.
  const rows = toPlainJson(data) as Row[]
  return rows.find((c) => c.has_account) ?? rows[0] ?? null
}

/** The customer's newest order: the best hint at the language and shop they use. */
export async function loadLatestOrder(query: QueryGraph, customerId: string | null | undefined): Promise<Row | null> {
  if (!customerId) return null
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "locale", "sales_channel_id", "currency_code", "created_at"],
    filters: { customer_id: customerId },
    pagination: { take: 1, order: { created_at: "DESC" } },
  })
  return data[0] ?? null
}
