import type { MedusaContainer } from "@medusajs/framework/types"

export interface EmailEventInput {
  event_name: string
  /** The event payload as emitted (ids only). */
  data: Record<string, unknown>
  /** The admin user who acted, when known (resend, test mail, fulfillment's created_by). */
  staff_user_id?: string | null
}

/** Everything the mail needs from other modules, read through Query. */
export interface LoadedEmailContext {
  event_name: string
  resource_type: string
  resource_id: string
  recipient: string | null
  sales_channel_id: string | null
  /** Most specific first: order locale, customer/store locales… */
  locale_candidates: (string | null)[]
  store_locales: string[]
  currency_code: string | null
  context: Record<string, unknown>
  staff_user_id: string | null
  staff_user: { first_name?: string | null; last_name?: string | null; email?: string | null } | null
  /** Set when the mail must not be sent (no_notification…); logged as a skipped row. */
  skip_reason: string | null
}

export type Query = {
  graph: (config: Record<string, unknown>, options?: Record<string, unknown>) => Promise<{ data: any[] }>
}

export type ContextLoader = (
  input: EmailEventInput,
  deps: { query: Query; container: MedusaContainer }
) => Promise<LoadedEmailContext>
