import { format as formatPostalAddress } from "@fragaria/address-formatter"
import Handlebars from "handlebars"
import { BoundedCache } from "./bounded-cache"

/**
 * Locale-aware formatting helpers: money, date, address. Each takes plain
 * JSON values and returns "" for anything it cannot format, so a missing
 * field never breaks a mail. The current locale is `@root._locale`, the
 * default currency `@root._currency`, the time zone `@root._timezone`.
 */

export const FALLBACK_LOCALE = "en"

/** What a helper can read from Handlebars' options argument. */
export interface HelperCall {
  params: unknown[]
  root: Record<string, unknown>
  /** True when the template was compiled with escaping off (subject, text part). */
  plainText: boolean
}

/**
 * Intl objects and canonical names are costly to build (a NumberFormat is
 * ~10 µs, dozens per mail) and depend only on their arguments: they are built
 * once per locale/currency/options and kept in bounded caches (a shop uses a
 * handful of each; the bound stops data that names ever new zones or locales
 * from growing memory).
 */
const INTL_CACHE_SIZE = 64

function cached<V>(cache: BoundedCache<V>, key: string, build: () => V): V {
  const hit = cache.get(key)
  return hit !== undefined ? hit : cache.set(key, build())
}

const canonicalLocales = new BoundedCache<string>(INTL_CACHE_SIZE)

/** "de_DE" → "de-DE"; anything Intl cannot use → FALLBACK_LOCALE. */
export function normaliseLocale(raw: unknown): string {
  if (typeof raw !== "string" || raw.trim() === "") return FALLBACK_LOCALE
  return cached(canonicalLocales, raw, () => {
    try {
      return Intl.getCanonicalLocales(raw.trim().replace(/_/g, "-"))[0] ?? FALLBACK_LOCALE
    } catch {
      return FALLBACK_LOCALE
    }
  })
}

/** "eur" → "EUR"; anything that is not a 3-letter code → undefined. */
export function normaliseCurrency(raw: unknown): string | undefined {
  return typeof raw === "string" && /^[A-Za-z]{3}$/.test(raw.trim())
    ? raw.trim().toUpperCase()
    : undefined
}

/** "" stands for "no valid zone" in the cache (undefined means a miss). */
const timeZones = new BoundedCache<string>(INTL_CACHE_SIZE)

/** A valid IANA time zone, or undefined (Intl then uses the server's zone). */
export function normaliseTimeZone(raw: unknown): string | undefined {
  if (typeof raw !== "string" || raw.trim() === "") return undefined
  const zone = cached(timeZones, raw, () => {
    try {
      return new Intl.DateTimeFormat("en", { timeZone: raw.trim() }).resolvedOptions().timeZone
    } catch {
      return ""
    }
  })
  return zone === "" ? undefined : zone
}

/**
 * Numbers, numeric strings and Medusa BigNumber JSON (`{value}` / `{numeric}`)
 * to a finite number; everything else to undefined.
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined
  if (typeof value === "string") {
    const trimmed = value.trim()
    if (trimmed === "") return undefined
    const parsed = Number(trimmed)
    return Number.isFinite(parsed) ? parsed : undefined
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>
    const inner = ownValue(record, "numeric") ?? ownValue(record, "value")
    return typeof inner === "number" || typeof inner === "string" ? toNumber(inner) : undefined
  }
  return undefined
}

/** Reads only own properties: data is JSON, but never trust a key to be absent from the prototype. */
export function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined
}

/** Strings and numbers as trimmed text; everything else "". */
export function toText(value: unknown): string {
  if (typeof value === "string") return value.trim()
  if (typeof value === "number" && Number.isFinite(value)) return String(value)
  return ""
}

export function formatMoney(call: HelperCall): string {
  const amount = toNumber(call.params[0])
  if (amount === undefined) return ""
  const locale = normaliseLocale(call.root._locale)
  const currency = normaliseCurrency(call.params[1]) ?? normaliseCurrency(call.root._currency)
  return (moneyFormat(locale, currency) ?? moneyFormat(locale, undefined)!).format(amount)
}

/** null in the cache: Intl refused this currency (the caller falls back to a plain number). */
const moneyFormats = new BoundedCache<Intl.NumberFormat | null>(INTL_CACHE_SIZE)

function moneyFormat(locale: string, currency: string | undefined): Intl.NumberFormat | null {
  return cached(moneyFormats, `${locale}|${currency ?? ""}`, () => {
    if (!currency) return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    try {
      return new Intl.NumberFormat(locale, { style: "currency", currency })
    } catch {
      // Intl rejects some well-formed codes in some runtimes.
      return null
    }
  })
}

const DATE_STYLES = new Map<string, Intl.DateTimeFormatOptions>([
  ["short", { year: "numeric", month: "2-digit", day: "2-digit" }],
  ["long", { year: "numeric", month: "long", day: "numeric" }],
  [
    "datetime",
    { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" },
  ],
])

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

export function formatDate(call: HelperCall): string {
  const [value, style] = call.params
  const date = toDate(value)
  if (!date) return ""
  const styleOptions = (typeof style === "string" && DATE_STYLES.get(style)) || DATE_STYLES.get("short")
  // A bare "2026-11-23" is a calendar date, not an instant: format it in UTC so
  // it does not move to the 22nd on a server west of Greenwich.
  const timeZone =
    typeof value === "string" && DATE_ONLY.test(value.trim())
      ? "UTC"
      : normaliseTimeZone(call.root._timezone)
  const locale = normaliseLocale(call.root._locale)
  const key = `${locale}|${timeZone ?? ""}|${typeof style === "string" && DATE_STYLES.has(style) ? style : "short"}`
  return cached(dateFormats, key, () => new Intl.DateTimeFormat(locale, { ...styleOptions, timeZone })).format(date)
}

const dateFormats = new BoundedCache<Intl.DateTimeFormat>(INTL_CACHE_SIZE)

function toDate(value: unknown): Date | undefined {
  let date: Date | undefined
  if (typeof value === "string" && value.trim() !== "") date = new Date(value.trim())
  else if (typeof value === "number" && Number.isFinite(value)) date = new Date(value)
  return date && !Number.isNaN(date.getTime()) ? date : undefined
}

/**
 * A postal address block, laid out the way the destination country writes
 * addresses (OpenCage's address-formatting templates via
 * @fragaria/address-formatter: no state line in Germany, "City, ST ZIP" in
 * the US …). The country is named in the mail's language (Intl.DisplayNames:
 * "Österreich", "Austria") and left out for domestic mail, i.e. when it is the
 * shop's country, `@root.store.country_code`. In HTML every part is escaped
 * here and the lines are joined with <br>, returned as SafeString so
 * Handlebars does not escape the <br> tags again; in plain text the lines are
 * joined with newlines.
 */
export function formatAddress(call: HelperCall): string | Handlebars.SafeString {
  const lines = addressLines(call.params[0], call.root)
  if (call.plainText) return lines.join("\n")
  return new Handlebars.SafeString(
    lines.map((line) => Handlebars.Utils.escapeExpression(line)).join("<br>")
  )
}

function addressLines(raw: unknown, root: Record<string, unknown>): string[] {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return []
  const addr = raw as Record<string, unknown>
  const field = (key: string): string => toText(ownValue(addr, key))
  const lines = (...parts: string[]): string => parts.filter((p) => p !== "").join("\n")
  const countryCode = normaliseCountryCode(ownValue(addr, "country_code"))
  const components: Record<string, string> = {
    attention: lines(field("company"), [field("first_name"), field("last_name")].filter(Boolean).join(" ")),
    road: lines(field("address_1"), field("address_2")),
    postcode: field("postal_code"),
    city: field("city"),
    state: provinceName(field("province"), countryCode),
    countryCode: countryCode ?? "",
    country: countryLine(addr, countryCode, root),
  }
  const given = Object.fromEntries(Object.entries(components).filter(([, value]) => value !== ""))
  if (Object.keys(given).length === 0) return []
  // The formatter walks large per-country rule sets (~0.1 ms); a mail shows the same address twice.
  const block = cached(addressBlocks, JSON.stringify(given), () => splitLines(formatPostalAddress(given, { output: "array" })))
  return [...block]
}

const addressBlocks = new BoundedCache<string[]>(INTL_CACHE_SIZE * 4)

function splitLines(lines: string[]): string[] {
  return lines.flatMap((line) => line.split("\n")).map((line) => line.trim()).filter((line) => line !== "")
}

/** "de" → "DE"; anything that is not a 2-letter region code → undefined. */
export function normaliseCountryCode(raw: unknown): string | undefined {
  return typeof raw === "string" && /^[A-Za-z]{2}$/.test(raw.trim()) ? raw.trim().toUpperCase() : undefined
}

/** Medusa may store a subdivision code ("us-ca"); the postal form is its second part ("CA"). */
function provinceName(province: string, countryCode: string | undefined): string {
  const match = /^([A-Za-z]{2})-([A-Za-z0-9]{1,3})$/.exec(province)
  return match && countryCode && match[1]!.toUpperCase() === countryCode ? match[2]!.toUpperCase() : province
}

/** "" for domestic mail; else the country in the mail's language, else what Medusa gave. */
function countryLine(
  addr: Record<string, unknown>,
  countryCode: string | undefined,
  root: Record<string, unknown>
): string {
  const store = ownValue(root, "store")
  const shopCountry =
    store !== null && typeof store === "object" && !Array.isArray(store)
      ? normaliseCountryCode(ownValue(store as Record<string, unknown>, "country_code"))
      : undefined
  if (countryCode && countryCode === shopCountry) return ""
  return (countryCode && localCountryName(countryCode, normaliseLocale(root._locale))) || countryName(addr)
}

const countryNames = new BoundedCache<string>(INTL_CACHE_SIZE * 4)

function localCountryName(code: string, locale: string): string {
  return cached(countryNames, `${locale}|${code}`, () => {
    try {
      return new Intl.DisplayNames([locale], { type: "region", fallback: "none" }).of(code) ?? ""
    } catch {
      return ""
    }
  })
}

/** Medusa gives `country` as a string or a record with display_name/name; else the ISO code. */
function countryName(addr: Record<string, unknown>): string {
  const country = ownValue(addr, "country")
  if (typeof country === "string" && country.trim() !== "") return country.trim()
  if (country !== null && typeof country === "object" && !Array.isArray(country)) {
    const record = country as Record<string, unknown>
    const name = toText(ownValue(record, "display_name")) || toText(ownValue(record, "name"))
    if (name) return name
  }
  return toText(ownValue(addr, "country_code")).toUpperCase()
}
