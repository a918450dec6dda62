import type { MailerEvent, MailerTemplate } from "../../../../../lib/types"

/**
 * Pure helpers behind the templates matrix and the editor (no React, unit-tested):
 * which template applies where, which languages get a column, and what a click on a
 * variable inserts.
 */

/** The languages every shipped template exists in; they always get a column. */
export const SHIPPED_LANGUAGES = ["de", "en"] as const

/** `de_DE`, `de-de` and `DE-de` are one locale for the API; the matrix agrees. */
export function normalizeLocale(locale: string): string {
  const [language, ...region] = locale.trim().replace(/_/g, "-").split("-")
  return [language.toLowerCase(), ...region.map((part) => part.toUpperCase())].join("-")
}

export function sameLocale(a: string, b: string): boolean {
  return normalizeLocale(a) === normalizeLocale(b)
}

export type CellKind = "own" | "inactive" | "default" | "missing"

export interface MatrixCell {
  locale: string
  /** What an all-channel mail in this language uses. */
  kind: CellKind
  /** Stored templates for single sales channels, in this language. */
  channelTemplates: MailerTemplate[]
}

export interface MatrixRow {
  event: MailerEvent
  cells: MatrixCell[]
}

/** de and en first, then every other stored locale in alphabetical order. */
export function matrixLocales(templates: MailerTemplate[]): string[] {
  const stored = templates.filter((t) => !t.is_default).map((t) => normalizeLocale(t.locale))
  const extra = [...new Set(stored)].filter((l) => !(SHIPPED_LANGUAGES as readonly string[]).includes(l)).sort()
  return [...SHIPPED_LANGUAGES, ...extra]
}

function cellFor(event: MailerEvent, locale: string, stored: MailerTemplate[]): MatrixCell {
  const inLocale = stored.filter((t) => sameLocale(t.locale, locale))
  const allChannels = inLocale.find((t) => !t.sales_channel_id)
  const shipped = event.shipped_locales.some((l) => sameLocale(l, locale))
  let kind: CellKind = shipped ? "default" : "missing"
  if (allChannels) kind = allChannels.is_active ? "own" : "inactive"
  return { locale, kind, channelTemplates: inLocale.filter((t) => !!t.sales_channel_id) }
}

/** One row per event, one cell per language column. */
export function buildMatrix(events: MailerEvent[], templates: MailerTemplate[]): { locales: string[]; rows: MatrixRow[] } {
  const locales = matrixLocales(templates)
  const rows = events.map((event) => {
    const stored = templates.filter((t) => !t.is_default && t.event_name === event.name)
    return { event, cells: locales.map((locale) => cellFor(event, locale, stored)) }
  })
  return { locales, rows }
}

/**
 * The stored template the editor at (event, locale, sales channel) edits, if there is one.
 * `salesChannelId` null means the template for all channels.
 */
export function findStoredTemplate(
  templates: MailerTemplate[],
  eventName: string,
  locale: string,
  salesChannelId: string | null
): MailerTemplate | null {
  return (
    templates.find(
      (t) =>
        !t.is_default &&
        t.event_name === eventName &&
        sameLocale(t.locale, locale) &&
        (t.sales_channel_id ?? null) === salesChannelId
    ) ?? null
  )
}

/**
 * The shipped default a new template starts from: the same language if shipped
 * (`de-AT` starts from `de`), else English, else whatever the event ships.
 */
export function startingDefaultLocale(event: Pick<MailerEvent, "shipped_locales">, locale: string): string | null {
  const language = normalizeLocale(locale).split("-")[0]
  const shipped = event.shipped_locales
  return (
    shipped.find((l) => sameLocale(l, locale)) ??
    shipped.find((l) => normalizeLocale(l).split("-")[0] === language) ??
    shipped.find((l) => sameLocale(l, "en")) ??
    shipped[0] ??
    null
  )
}

/**
 * The Handlebars a click on a variable inserts. `order.items.[].title` lives inside a
 * list, so it is wrapped in `{{#each}}` blocks (one per list level); a list itself
 * (`order.items`) gets an empty loop to fill in.
 */
export function variableSnippet(path: string, isList = false): string {
  const parts = path.split(".[].")
  const leaf = parts.pop() as string
  const inner = isList ? `{{#each ${leaf}}}\n  \n{{/each}}` : `{{${leaf}}}`
  return parts.reduceRight((body, list) => `{{#each ${list}}}${body}{{/each}}`, inner)
}

/** A list variable's sample is described as `[n]` by `GET /events`. */
export function isListSample(sample: unknown): boolean {
  return typeof sample === "string" && /^\[\d+\]$/.test(sample)
}

/** "Deutsch", "Englisch (Österreich)" … in the admin's language, from the browser's own tables. */
export function localeName(locale: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: "language" }).of(normalizeLocale(locale)) ?? locale
  } catch {
    return locale
  }
}

/** The editor's URL (inside the dashboard's /app): event and language, optionally one sales channel. */
export function templateEditorPath(eventName: string, locale: string, salesChannelId?: string | null): string {
  const path = `/settings/mailer/templates/${encodeURIComponent(eventName)}/${encodeURIComponent(locale)}`
  return salesChannelId ? `${path}?sales_channel_id=${encodeURIComponent(salesChannelId)}` : path
}
