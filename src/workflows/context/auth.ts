import { customerView, loadCustomer, loadLatestOrder } from "./customer"
import { ONE_TIME_LINK_PLACEHOLDER } from "../../modules/mailer/core/one-time-link"
import { passwordResetUrl, tokenFingerprint, tokenLifetimeMinutes } from "../../modules/mailer/core/links"
import { fullName, loadLinkBases, loadStore, metadataLocale, skippedContext, storeData } from "./shared"
import type { ContextLoader, EmailEventInput, LoadedEmailContext, LoadFailure, LoaderDeps } from "./types"

/** Template events of auth.password_reset: customers and admin users get different mails and links. */
export const CUSTOMER_RESET_EVENT = "auth.password_reset.customer"
export const USER_RESET_EVENT = "auth.password_reset.user"

/** The error code of a mail that needs a link nobody configured (message and hint say what to set). */
export const MISSING_LINK_CODE = "LINK_BASE_URL_MISSING"

/** What a missing link base turns into: a failed log row telling the merchant what to configure. */
export function missingLinkFailure(kind: "storefront" | "admin"): LoadFailure {
  return kind === "storefront"
    ? {
        code: MISSING_LINK_CODE,
        message: "The mail needs a link to the storefront, but no storefront URL is configured.",
        hint: "Enter the storefront URL in the mailer settings (or set admin.storefrontUrl in medusa-config.ts), then let the customer request a new link.",
      }
    : {
        code: MISSING_LINK_CODE,
        message: "The mail needs a link to the Medusa admin, but no admin URL is configured.",
        hint: "Enter the admin URL (e.g. https://shop.example.com/app) in the mailer settings (or set admin.backendUrl in medusa-config.ts), then request a new link.",
      }
}

interface ResetPayload {
  entity_id: string
  actor_type: string
  token: string
  metadata: Record<string, unknown>
}

function payloadOf(input: EmailEventInput): ResetPayload {
  const d = input.data
  return {
    entity_id: String(d.entity_id ?? ""),
    actor_type: String(d.actor_type ?? ""),
    token: String(d.token ?? ""),
    metadata: (d.metadata && typeof d.metadata === "object" ? d.metadata : {}) as Record<string, unknown>,
  }
}

/**
 * auth.password_reset: payload `{ entity_id (the e-mail for emailpass),
 * actor_type, token, metadata }` (generate-reset-password-token). The token
 * is a secret: it goes into the link and nowhere else (not into the
 * idempotency key, resource id or log columns); the key carries a fingerprint
 * of it so every reset request is its own mail. The template renders a
 * placeholder; the link travels as `one_time_link`, sealed on the outbox row
 * and put into the mail only when it is sent (core/one-time-link.ts).
 */
export const loadPasswordResetContext: ContextLoader = async (input, deps) => {
  const payload = payloadOf(input)
  if (payload.actor_type === "customer") {
    return customerReset(payload, deps)
  }
  if (payload.actor_type === "user") {
    return userReset(payload, deps)
  }
  // Custom actor types have no page to reset a password on that the plugin knows of.
  return skippedContext(input.event_name, { type: payload.actor_type || "auth", id: tokenFingerprint(payload.token) }, "UNSUPPORTED_ACTOR")
}

async function customerReset(payload: ResetPayload, { query, container }: LoaderDeps): Promise<LoadedEmailContext> {
  const [customer, store, links] = await Promise.all([
    loadCustomer(query, { email: payload.entity_id }),
    loadStore(query),
    loadLinkBases(container),
  ])
  const order = await loadLatestOrder(query, customer?.id)
  const email = recipientOf(payload.entity_id, customer?.email)
  const base = links.storefront_url
  return {
    ...resetBase(CUSTOMER_RESET_EVENT, payload, { type: "customer", id: customer?.id ?? identityKey(payload.entity_id) }, email),
    one_time_link: base ? passwordResetUrl(base, payload.token, email) : null,
    sales_channel_id: order?.sales_channel_id ?? null,
    locale_candidates: [metadataLocale(payload.metadata, customer?.metadata), order?.locale],
    store_locales: store.locales,
    context: {
      customer: customer ? customerView(customer) : null,
      customer_name: fullName(customer),
      email,
      reset_url: base ? ONE_TIME_LINK_PLACEHOLDER : "",
      link_valid_minutes: tokenLifetimeMinutes(payload.token),
      store: storeData(store, links),
    },
    failure: base ? null : missingLinkFailure("storefront"),
  }
}

async function userReset(payload: ResetPayload, { query, container }: LoaderDeps): Promise<LoadedEmailContext> {
  const [{ data: users }, store, links] = await Promise.all([
    query.graph({ entity: "user", fields: ["id", "email", "first_name", "last_name", "metadata"], filters: { email: payload.entity_id } }),
    loadStore(query),
    loadLinkBases(container),
  ])
  const user = users[0] ?? null
  const email = recipientOf(payload.entity_id, user?.email)
  const base = links.admin_url
  return {
    ...resetBase(USER_RESET_EVENT, payload, { type: "user", id: user?.id ?? identityKey(payload.entity_id) }, email),
    one_time_link: base ? passwordResetUrl(base, payload.token, email) : null,
    sales_channel_id: null,
    locale_candidates: [metadataLocale(payload.metadata, user?.metadata)],
    store_locales: store.locales,
    context: {
      user: user ? { first_name: user.first_name ?? null, last_name: user.last_name ?? null, email: user.email } : null,
      user_name: fullName(user),
      email,
      reset_url: base ? ONE_TIME_LINK_PLACEHOLDER : "",
      link_valid_minutes: tokenLifetimeMinutes(payload.token),
      store: storeData(store, links),
    },
    failure: base ? null : missingLinkFailure("admin"),
  }
}

function resetBase(
  eventName: string,
  payload: ResetPayload,
  resource: { type: string; id: string },
  email: string
): Omit<LoadedEmailContext, "sales_channel_id" | "locale_candidates" | "store_locales" | "context" | "one_time_link"> {
  return {
    event_name: eventName,
    resource_type: resource.type,
    resource_id: resource.id,
    occurrence_id: tokenFingerprint(payload.token),
    recipient: email || null,
    currency_code: null,
    // Nobody on the staff acted: the account's contact person signs.
    staff_user_id: null,
    staff_user: null,
    skip_reason: payload.token ? null : "NO_TOKEN",
  }
}

/**
 * The identity as resource id when no customer or user record exists: a visitor chooses it
 * freely at registration, and the idempotency key built from it sits in a unique index whose
 * entries Postgres caps at 8 kB. Cut to the longest valid address: the key stays unique through
 * the token's fingerprint, and an identity this long is refused as a recipient anyway.
 */
function identityKey(entityId: string): string {
  return entityId.slice(0, 254)
}

/** emailpass identifies by e-mail; other providers may not, then the account's address is used. */
function recipientOf(entityId: string, storedEmail: string | null | undefined): string {
  return entityId.includes("@") ? entityId : storedEmail ?? ""
}
