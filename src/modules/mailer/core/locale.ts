/**
 * Locale handling for template selection. Locales are compared case-insensitively and with
 * "_" read as "-", so "de_DE", "de-DE" and "de-de" are the same; a bare language ("de") matches
 * any regional variant of it.
 */

/** "de_DE " → "de-de" */
export function normalizeLocale(locale: string): string {
  return locale.trim().replace(/_/g, "-").toLowerCase()
}

/** "de-DE" → "de" */
export function languageOf(locale: string): string {
  return normalizeLocale(locale).split("-")[0]
}

/**
 * The first candidate (in order: e.g. customer, sales channel, store, settings) that the
 * available locales can serve: an exact match first, else a locale of the same language, the
 * bare language preferred ("de-AT" → "de" before "de-de"). Returns the entry as written in
 * `available`, so it can be used for lookups directly; `fallback` when nothing matches.
 */
export function resolveLocale(
  candidates: (string | null | undefined)[],
  available: string[],
  fallback: string
): string {
  const options = available.map((entry) => ({ entry, normalized: normalizeLocale(entry) }))
  for (const candidate of candidates) {
    if (!candidate || !candidate.trim()) continue
    const wanted = normalizeLocale(candidate)
    const exact = options.find((o) => o.normalized === wanted)
    if (exact) return exact.entry
    const language = languageOf(wanted)
    const bare = options.find((o) => o.normalized === language)
    if (bare) return bare.entry
    const sameLanguage = options.find((o) => languageOf(o.normalized) === language)
    if (sameLanguage) return sameLanguage.entry
  }
  return fallback
}
