import type { LoadedEmailContext } from "../events/types"
import { resolveLocale } from "../locale"
import { SHIPPED_TEMPLATES } from "./shipped"

type LocaleSources = Pick<LoadedEmailContext, "event_name" | "locale_candidates" | "store_locales">

/** The language of the mail: order/customer locale when a template exists for it, else the shop default. */
export function chooseLocale(loaded: LocaleSources, storedLocales: string[], defaultLocale: string): string {
  const shipped = Object.keys(SHIPPED_TEMPLATES[loaded.event_name] ?? {})
  const available = [...storedLocales, ...shipped]
  const storeLocale = loaded.store_locales.length === 1 ? loaded.store_locales[0] : null
  return resolveLocale([...loaded.locale_candidates, storeLocale], available, defaultLocale)
}
