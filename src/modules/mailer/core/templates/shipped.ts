import { languageOf } from "../locale"
import { ORDER_PLACED_TEMPLATES } from "./defaults/order-placed"
import type { ShippedTemplates, TemplateSource } from "./types"

/** The templates that ship with the plugin, per event and language. */
export const SHIPPED_TEMPLATES: Record<string, ShippedTemplates> = {
  "order.placed": ORDER_PLACED_TEMPLATES,
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
