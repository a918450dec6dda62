import { MAIL_EVENTS } from "../events/definitions"
import { languageOf } from "../locale"
import type { ShippedTemplates, TemplateSource } from "./types"

/**
 * A frozen copy without a prototype: event names and locales come from
 * requests (`default:<event>:<locale>`), and `SHIPPED_TEMPLATES["constructor"]`
 * must be undefined, not Object (finding 9 of security issue 8).
 */
function ownEntries<T>(record: Record<string, T>): Record<string, T> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, record))
}

/** The templates that ship with the plugin, per template event and language (named by each event definition). */
export const SHIPPED_TEMPLATES: Record<string, ShippedTemplates> = ownTemplates(
  Object.fromEntries(MAIL_EVENTS.flatMap((d) => d.template_events.map((t) => [t.name, t.shipped])))
)

function ownTemplates(byEvent: Record<string, ShippedTemplates>): Record<string, ShippedTemplates> {
  const copy: Record<string, ShippedTemplates> = {}
  for (const [event, byLanguage] of Object.entries(byEvent)) copy[event] = ownEntries(byLanguage)
  return ownEntries(copy)
}

/** The shipped default for exactly this event and language, or null. */
export function shippedSource(eventName: string, locale: string): TemplateSource | null {
  return SHIPPED_TEMPLATES[eventName]?.[locale] ?? null
}

export interface ShippedChoice {
  locale: string
  template: TemplateSource
}

/** The shipped default for an event in the wanted language, else the default language, else English. */
export function shippedTemplate(eventName: string, locale: string, defaultLocale: string): ShippedChoice | null {
  const byLanguage = SHIPPED_TEMPLATES[eventName]
  if (!byLanguage) {
    return null
  }
  for (const candidate of [languageOf(locale), languageOf(defaultLocale), "en"]) {
    if (byLanguage[candidate]) {
      return { locale: candidate, template: byLanguage[candidate] }
    }
  }
  return null
}
