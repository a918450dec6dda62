import type { LoadedEmailContext, QueryGraph } from "../types"
import { staffCandidates } from "../views"

/**
 * Reads every loader shares, through the structural QueryGraph (no Medusa import): the store,
 * the staff member who signs, and the shapes every context has.
 */

/** Query results carry BigNumber objects and Dates; templates get plain JSON. */
export function toPlainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? null))
}

export interface StoreData {
  name: string
  locales: string[]
  metadata: unknown
}

export async function loadStore(query: QueryGraph): Promise<StoreData> {
  const { data } = await query.graph({
    entity: "store",
    fields: ["id", "name", "metadata", "supported_locales.locale_code"],
  })
  const store = data[0] ?? {}
  return {
    name: store.name ?? "",
    locales: (store.supported_locales ?? []).map((l: { locale_code: string }) => l.locale_code),
    metadata: store.metadata ?? null,
  }
}

/** `store` in every template: its name; the draft pipeline adds the storefront's `url` (links-context.ts). */
export function storeData(store: { name: string }) {
  return { name: store.name }
}

export type StaffUser = NonNullable<LoadedEmailContext["staff_user"]> & { id: string }

export async function loadStaffUser(query: QueryGraph, userId: string | null | undefined): Promise<StaffUser | null> {
  return resolveStaff(query, [userId])
}

/**
 * The staff member the signature names: the first candidate that is an admin
 * user. Candidates are the admin who resends or tests (input.staff_user_id),
 * then whoever Medusa recorded (created_by, confirmed_by…). A recorded id may
 * be a customer's (store-side returns), which is not staff and is skipped.
 */
export async function resolveStaff(query: QueryGraph, candidates: unknown[]): Promise<StaffUser | null> {
  const ids = staffCandidates(...candidates)
  if (ids.length === 0) {
    return null
  }
  const { data } = await query.graph({
    entity: "user",
    fields: ["id", "first_name", "last_name", "email"],
    filters: { id: ids },
  })
  for (const id of ids) {
    const user = data.find((u: StaffUser) => u.id === id)
    if (user) return toPlainJson(user)
  }
  return null
}

export function fullName(person: { first_name?: string | null; last_name?: string | null } | null | undefined) {
  return [person?.first_name, person?.last_name].filter(Boolean).join(" ")
}

/** A locale a storefront or admin put into metadata (`{ locale: "de-DE" }`), if any. */
export function metadataLocale(...sources: unknown[]): string | null {
  for (const source of sources) {
    const locale = (source as Record<string, unknown> | null | undefined)?.locale
    if (typeof locale === "string" && locale.trim()) return locale.trim()
  }
  return null
}

/** One record by id, as plain JSON; a missing one is Query's not-found error. */
export async function loadOne(query: QueryGraph, entity: string, fields: string[], id: string) {
  const { data } = await query.graph({ entity, fields, filters: { id } }, { throwIfKeyNotFound: true })
  return toPlainJson(data[0])
}

/**
 * The context of a mail that is logged but not sent because the event is not
 * about something a customer should hear of (a return's fulfillment, a refund
 * outside an order…).
 */
export function skippedContext(
  eventName: string,
  resource: { type: string; id: string },
  reason: string
): LoadedEmailContext {
  return {
    event_name: eventName,
    resource_type: resource.type,
    resource_id: resource.id,
    recipient: null,
    sales_channel_id: null,
    locale_candidates: [],
    store_locales: [],
    currency_code: null,
    context: {},
    staff_user_id: null,
    staff_user: null,
    skip_reason: reason,
  }
}
