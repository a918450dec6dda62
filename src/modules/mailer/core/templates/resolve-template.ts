import { languageOf, normalizeLocale } from "../locale"

export interface StoredTemplate {
  id: string
  event_name: string
  locale: string
  sales_channel_id: string | null
  is_active: boolean
}

export interface TemplateQuery {
  event_name: string
  sales_channel_id?: string | null
  locale: string
  default_locale: string
}

/**
 * Picks the merchant's template: (event, channel, locale) → (event, any
 * channel, locale) → (event, channel, default locale) → (event, any channel,
 * default locale). A locale matches exactly or by language ("de-DE" ↔ "de").
 * Returns null when the shipped default should be used.
 */
export function pickStoredTemplate<T extends StoredTemplate>(rows: T[], query: TemplateQuery): T | null {
  const active = rows.filter((r) => r.is_active && r.event_name === query.event_name)
  const channels = query.sales_channel_id ? [query.sales_channel_id, null] : [null]
  for (const locale of [query.locale, query.default_locale]) {
    for (const channel of channels) {
      const match = bestLocaleMatch(
        active.filter((r) => (r.sales_channel_id ?? null) === channel),
        locale
      )
      if (match) {
        return match
      }
    }
  }
  return null
}

function bestLocaleMatch<T extends StoredTemplate>(rows: T[], locale: string): T | null {
  const wanted = normalizeLocale(locale)
  const exact = rows.find((r) => normalizeLocale(r.locale) === wanted)
  if (exact) {
    return exact
  }
  return rows.find((r) => languageOf(r.locale) === languageOf(locale)) ?? null
}
