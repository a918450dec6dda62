/**
 * What a context loader reads and hands to the draft pipeline. Pure types: the loaders live in
 * the event definitions (definitions/<family>.ts) and read Query through QueryGraph, a
 * structural slice of Medusa's Query, so the core imports nothing from Medusa.
 */

/** The one cross-module read the loaders need: Query's `graph` (given by the workflow step). */
export interface QueryGraph {
  graph(
    config: {
      entity: string
      fields: string[]
      filters?: Record<string, unknown>
      pagination?: { take?: number; skip?: number; order?: Record<string, "ASC" | "DESC"> }
    },
    options?: { throwIfKeyNotFound?: boolean }
  ): Promise<{ data: any[] }>
}

export interface LoaderDeps {
  query: QueryGraph
}

/** Builds a mail's context from an event payload (ids only) through Query. */
export type ContextLoader = (input: EmailEventInput, deps: LoaderDeps) => Promise<LoadedEmailContext>

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
  /** Set when the mail cannot be built (e.g. no storefront URL for a reset link); logged as failed. */
  failure?: LoadFailure | null
  /**
   * The links and shop details the mail needs from the plugin's settings. The loader only says
   * which; the draft pipeline fills them in from the settings it reads once (links-context.ts).
   * A sample context has none and keeps its sample URLs.
   */
  links?: LinkNeeds | null
}

export interface LinkNeeds {
  /** `store.url`: the storefront. */
  store_url?: boolean
  /** `store.country_code` and `store.tax_note` (order mails: addresses and the tax line). */
  shop_details?: boolean
  /** `account_url`: the storefront's account page. */
  account_url?: boolean
  /** A link carrying a one-time token (password reset, invitation). */
  one_time?: OneTimeLinkNeed | null
}

export interface OneTimeLinkNeed {
  kind: "password_reset" | "invite"
  /** Whose page the link opens: the storefront's (customers) or the admin's (users, invitations). */
  base: "storefront" | "admin"
  /** The context variable holding the link (it gets ONE_TIME_LINK_PLACEHOLDER). */
  variable: string
  token: string
  /** The reset page's `email` parameter. */
  email?: string
}

export interface LoadFailure {
  /** A code of core/errors.ts. */
  code: string
  message: string
  hint?: string
}
