import { CUSTOMER_PASSWORD_RESET_TEMPLATES, USER_PASSWORD_RESET_TEMPLATES } from "../../templates/defaults/password-reset"
import { tokenFingerprint, tokenLifetimeMinutes } from "../../links"
import { defineMailEvent } from "../define"
import { customerView, loadCustomer, loadLatestOrder } from "../loaders/customer-reads"
import { fullName, loadStore, metadataLocale, skippedContext, storeData } from "../loaders/shared"
import { SAMPLE_CUSTOMER_RESET_CONTEXT, SAMPLE_USER_RESET_CONTEXT } from "../sample-data-accounts"
import type { ContextLoader, EmailEventInput, LinkNeeds, LoadedEmailContext, LoaderDeps } from "../types"

/** Template events of auth.password_reset: customers and admin users get different mails and links. */
export const CUSTOMER_RESET_EVENT = "auth.password_reset.customer"
export const USER_RESET_EVENT = "auth.password_reset.user"

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
 * placeholder; the draft pipeline builds the link (links-context.ts), which
 * travels as `one_time_link`, sealed on the outbox row and put into the mail
 * only when it is sent (core/one-time-link.ts).
 */
const loadPasswordResetContext: ContextLoader = async (input, deps) => {
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

async function customerReset(payload: ResetPayload, { query }: LoaderDeps): Promise<LoadedEmailContext> {
  const [customer, store] = await Promise.all([loadCustomer(query, { email: payload.entity_id }), loadStore(query)])
  const order = await loadLatestOrder(query, customer?.id)
  const email = recipientOf(payload.entity_id, customer?.email)
  return {
    ...resetBase(CUSTOMER_RESET_EVENT, payload, { type: "customer", id: customer?.id ?? identityKey(payload.entity_id) }, email),
    sales_channel_id: order?.sales_channel_id ?? null,
    locale_candidates: [metadataLocale(payload.metadata, customer?.metadata), order?.locale],
    store_locales: store.locales,
    context: {
      customer: customer ? customerView(customer) : null,
      customer_name: fullName(customer),
      email,
      link_valid_minutes: tokenLifetimeMinutes(payload.token),
      store: storeData(store),
    },
    links: resetLinks("storefront", payload.token, email),
  }
}

async function userReset(payload: ResetPayload, { query }: LoaderDeps): Promise<LoadedEmailContext> {
  const [{ data: users }, store] = await Promise.all([
    query.graph({ entity: "user", fields: ["id", "email", "first_name", "last_name", "metadata"], filters: { email: payload.entity_id } }),
    loadStore(query),
  ])
  const user = users[0] ?? null
  const email = recipientOf(payload.entity_id, user?.email)
  return {
    ...resetBase(USER_RESET_EVENT, payload, { type: "user", id: user?.id ?? identityKey(payload.entity_id) }, email),
    sales_channel_id: null,
    locale_candidates: [metadataLocale(payload.metadata, user?.metadata)],
    store_locales: store.locales,
    context: {
      user: user ? { first_name: user.first_name ?? null, last_name: user.last_name ?? null, email: user.email } : null,
      user_name: fullName(user),
      email,
      link_valid_minutes: tokenLifetimeMinutes(payload.token),
      store: storeData(store),
    },
    links: resetLinks("admin", payload.token, email),
  }
}

/** The reset link on the storefront's or the admin's page, built by the draft pipeline (links-context.ts). */
function resetLinks(base: "storefront" | "admin", token: string, email: string): LinkNeeds {
  return { store_url: true, one_time: { kind: "password_reset", base, variable: "reset_url", token, email } }
}

function resetBase(
  eventName: string,
  payload: ResetPayload,
  resource: { type: string; id: string },
  email: string
): Omit<LoadedEmailContext, "sales_channel_id" | "locale_candidates" | "store_locales" | "context" | "links"> {
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

/**
 * One Medusa event, two template events: the loader picks .customer or .user
 * by the payload's actor_type. No resend: the token
 * is a secret that has expired by then; the customer requests a new one.
 */
export const PASSWORD_RESET_MAILS = defineMailEvent({
  family: "auth",
  medusa_events: { "auth.password_reset": { load: loadPasswordResetContext } },
  template_events: [
    {
      name: CUSTOMER_RESET_EVENT,
      carries_secret_link: true,
      label_de: "Passwort zurücksetzen (Kunde)",
      label_en: "Password reset (customer)",
      description_de: "Wird gesendet, wenn ein Kunde ein neues Passwort anfordert; mit dem Link zur Passwortseite des Shops.",
      description_en: "Sent when a customer requests a new password, with the link to the storefront's password page.",
      resource_type: "customer",
      sample_context: SAMPLE_CUSTOMER_RESET_CONTEXT,
      shipped: CUSTOMER_PASSWORD_RESET_TEMPLATES,
    },
    {
      name: USER_RESET_EVENT,
      carries_secret_link: true,
      label_de: "Passwort zurücksetzen (Admin-Benutzer)",
      label_en: "Password reset (admin user)",
      description_de: "Wird gesendet, wenn ein Admin-Benutzer ein neues Passwort anfordert; mit dem Link in den Admin-Bereich.",
      description_en: "Sent when an admin user requests a new password, with the link into the admin.",
      resource_type: "user",
      sample_context: SAMPLE_USER_RESET_CONTEXT,
      shipped: USER_PASSWORD_RESET_TEMPLATES,
    },
  ],
})
