/**
 * What a context loader hands to the draft pipeline. Pure types: the loaders
 * (src/workflows/context) read Query, the module renders from these.
 */

export interface EmailEventInput {
  event_name: string
  /** The event payload as emitted (ids only). */
  data: Record<string, unknown>
  /** The admin user who acted, when known (resend, test mail, fulfillment's created_by). */
  staff_user_id?: string | null
}

/** Everything the mail needs from other modules, read through Query. */
export interface LoadedEmailContext {
  /** The template event: usually the Medusa event, e.g. "auth.password_reset.customer" for a customer's reset. */
  event_name: string
  /** What the log row is about (the order for every order-family mail, so the order page lists them all). */
  resource_type: string
  resource_id: string
  /**
   * The occurrence within the resource (fulfillment, return, claim, refund id, hash of a reset
   * token): part of the idempotency key so a second shipment of the same order gets its own mail.
   */
  occurrence_id?: string | null
  recipient: string | null
  sales_channel_id: string | null
  /** Most specific first: order locale, customer/store locales… */
  locale_candidates: (string | null)[]
  store_locales: string[]
  currency_code: string | null
  context: Record<string, unknown>
  /**
   * A one-time link (password reset, invitation). The context holds ONE_TIME_LINK_PLACEHOLDER
   * instead, so the link never rests in a stored body; delivery puts it in.
   */
  one_time_link?: string | null
  staff_user_id: string | null
  staff_user: { first_name?: string | null; last_name?: string | null; email?: string | null } | null
  /** Set when the mail must not be sent (no_notification…); logged as a skipped row. */
  skip_reason: string | null
  /** Set when the mail cannot be built from shop data (e.g. no storefront URL for a reset link); logged as failed. */
  failure?: LoadFailure | null
}

export interface LoadFailure {
  /** A code of core/errors.ts. */
  code: string
  message: string
  hint?: string
}
