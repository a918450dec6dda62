import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MAILER_MODULE } from "../../modules/mailer"
import type MailerModuleService from "../../modules/mailer/service"
import { resolveLinkBases, type LinkBases } from "../../modules/mailer/core/links"
import { staffCandidates } from "../../modules/mailer/core/events/views"
import type { LoadedEmailContext, Query } from "./types"

/** Query results carry BigNumber objects and Dates; templates get plain JSON. */
export function toPlainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? null))
}

export async function loadStore(query: Query): Promise<{ name: string; locales: string[]; metadata: unknown }> {
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

export type StaffUser = NonNullable<LoadedEmailContext["staff_user"]> & { id: string }

export async function loadStaffUser(query: Query, userId: string | null | undefined): Promise<StaffUser | null> {
  return resolveStaff(query, [userId])
}

/**
 * The staff member the signature names: the first candidate that is an admin
 * user. Candidates are the admin who resends or tests (input.staff_user_id),
 * then whoever Medusa recorded (created_by, confirmed_by…). A recorded id may
 * be a customer's (store-side returns), which is not staff and is skipped.
 */
export async function resolveStaff(query: Query, candidates: unknown[]): Promise<StaffUser | null> {
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

/** Where shop, reset and invitation links point (see links.ts for the order of sources). */
export async function loadLinkBases(container: MedusaContainer): Promise<LinkBases> {
  const mailer = container.resolve<MailerModuleService>(MAILER_MODULE)
  const settings = await mailer.getSettings()
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  return resolveLinkBases({
    settings: settings as { storefront_url?: string | null; admin_url?: string | null },
    options: mailer.pluginOptions as Record<string, unknown>,
    admin: config.admin as { storefrontUrl?: string; backendUrl?: string; path?: string },
  })
}

/** `store` in every template: name and, when configured, the storefront's URL. */
export function storeData(store: { name: string }, links: LinkBases) {
  return { name: store.name, url: links.storefront_url ?? "" }
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
