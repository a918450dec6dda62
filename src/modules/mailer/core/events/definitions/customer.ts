import { CUSTOMER_CREATED_TEMPLATES } from "../../templates/defaults/customer-created"
import { byResourceId, defineMailEvent } from "../define"
import { customerView, loadCustomer, loadLatestOrder } from "../loaders/customer-reads"
import { fullName, loadStore, metadataLocale, resolveStaff, storeData } from "../loaders/shared"
import { SAMPLE_CUSTOMER_CREATED_CONTEXT } from "../sample-data-accounts"
import type { ContextLoader } from "../types"

/**
 * customer.created: payload `{ id }` (create-customers, also behind store
 * registration). Only customers with an account are welcomed: a customer an
 * admin enters (has_account false) has no login to welcome them to.
 */
export const loadCustomerCreatedContext: ContextLoader = async (input, { query }) => {
  const customer = await loadCustomer(query, { id: String(input.data.id) })
  if (!customer) {
    throw new Error(`customer ${String(input.data.id)} not found`)
  }
  const [store, order, staff] = await Promise.all([
    loadStore(query),
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
    context: { customer: customerView(customer), customer_name: fullName(customer), store: storeData(store) },
    staff_user_id: staff?.id ?? null,
    staff_user: staff,
    skip_reason: customer.has_account ? null : "NO_CUSTOMER_ACCOUNT",
    links: { store_url: true, account_url: true },
  }
}

/** A customer signed up: payload `{ id }` of the customer. */
export const CUSTOMER_MAILS = defineMailEvent({
  family: "customer",
  medusa_events: { "customer.created": { load: loadCustomerCreatedContext } },
  template_events: [
    {
      name: "customer.created",
      label_de: "Willkommen",
      label_en: "Welcome",
      description_de: "Wird gesendet, wenn sich ein Kunde registriert hat (nur Kunden mit Kundenkonto).",
      description_en: "Sent when a customer has signed up (only customers with an account).",
      resource_type: "customer",
      sample_context: SAMPLE_CUSTOMER_CREATED_CONTEXT,
      shipped: CUSTOMER_CREATED_TEMPLATES,
      resend: byResourceId,
    },
  ],
})
