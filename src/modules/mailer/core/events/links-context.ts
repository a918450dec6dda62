import { inviteUrl, passwordResetUrl, type LinkBases } from "../links"
import { ONE_TIME_LINK_PLACEHOLDER } from "../one-time-link"
import type { LinkNeeds, LoadedEmailContext, LoadFailure, OneTimeLinkNeed } from "./types"

/**
 * The part of a mail's context that comes from the plugin's settings: link bases (settings →
 * plugin option → medusa-config, links.ts) and the shop's country and tax note. Loaders only
 * name what their mail needs (`loaded.links`); the draft pipeline reads the settings once and
 * completes the context here, so no loader reads settings.
 */
export interface SettingsForContext {
  bases: LinkBases
  settings: { shop_country_code?: string | null; tax_note?: string | null } | null | undefined
}

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

/** The loaded context with its links and shop details filled in; unchanged when it needs none. */
export function withSettingsContext(loaded: LoadedEmailContext, from: SettingsForContext): LoadedEmailContext {
  const needs: LinkNeeds | null | undefined = loaded.links
  if (!needs) return loaded
  const storefront = from.bases.storefront_url
  const context: Record<string, unknown> = { ...loaded.context }
  if (needs.store_url || needs.shop_details) {
    const store = { ...(context.store as Record<string, unknown> | undefined) }
    if (needs.store_url) store.url = storefront ?? ""
    if (needs.shop_details) Object.assign(store, shopDetails(from.settings))
    context.store = store
  }
  if (needs.account_url) context.account_url = storefront ? `${storefront}/account` : ""
  const oneTime = needs.one_time ? oneTimeLink(needs.one_time, from.bases) : null
  if (needs.one_time) context[needs.one_time.variable] = oneTime ? ONE_TIME_LINK_PLACEHOLDER : ""
  return {
    ...loaded,
    context,
    ...(needs.one_time
      ? { one_time_link: oneTime, failure: loaded.failure ?? (oneTime ? null : missingLinkFailure(needs.one_time.base)) }
      : {}),
  }
}

/** The real link (put into the mail only when it is sent), or null without a base to point to. */
function oneTimeLink(need: OneTimeLinkNeed, bases: LinkBases): string | null {
  const base = need.base === "storefront" ? bases.storefront_url : bases.admin_url
  if (!base) return null
  return need.kind === "invite" ? inviteUrl(base, need.token) : passwordResetUrl(base, need.token, need.email ?? "")
}

/**
 * What the order mails need from the settings: the shop's country (the {{address}} helper
 * leaves the country out for domestic addresses) and the tax note printed when an order has no tax.
 */
function shopDetails(settings: SettingsForContext["settings"]) {
  const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null)
  return { country_code: text(settings?.shop_country_code)?.toUpperCase() ?? null, tax_note: text(settings?.tax_note) }
}
