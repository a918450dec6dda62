import type Handlebars from "handlebars"
import {
  formatAddress,
  formatDate,
  formatMoney,
  HelperCall,
  normaliseLocale,
  toNumber,
  toText,
} from "./format-helpers"

/**
 * The allow-listed helpers merchants may call in templates. Every helper is a
 * pure function of plain JSON values; none reads files, the environment or
 * anything outside its arguments and `@root._locale` / `_currency` /
 * `_timezone`. Adding one here makes it callable: keep the list small.
 * (Saleor removed fs, logging, extend/merge helpers for the same reason:
 * https://github.com/saleor/apps packages/handlebars/src/allowed-helpers.ts)
 */

/** Runtime data flag set by compileStrict when escaping is off (subject, text part). */
export const PLAIN_TEXT_DATA_KEY = "mailerPlainText"

type MailerHelper = (call: HelperCall) => unknown

/** Handlebars passes `...params, options`; turn that into a HelperCall. */
function toHandlebarsHelper(helper: MailerHelper): Handlebars.HelperDelegate {
  return function (this: unknown, ...args: unknown[]): unknown {
    const options = args[args.length - 1] as Handlebars.HelperOptions | undefined
    const data = (options?.data ?? {}) as Record<string, unknown>
    const root = data.root
    return helper({
      params: args.slice(0, -1),
      root:
        root !== null && typeof root === "object" ? (root as Record<string, unknown>) : {},
      plainText: data[PLAIN_TEXT_DATA_KEY] === true,
    })
  }
}

/** Handlebars' own idea of truthy: an empty array is false, as in {{#if}}. */
function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value)
}

/** Rounds away binary noise (19.99 * 3 = 59.97000000000001) without losing cents. */
function tidy(value: number): number | "" {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : ""
}

function compareNumbers(call: HelperCall, test: (a: number, b: number) => boolean): boolean {
  const a = toNumber(call.params[0])
  const b = toNumber(call.params[1])
  return a !== undefined && b !== undefined && test(a, b)
}

function arithmetic(call: HelperCall, op: (a: number, b: number) => number): number | "" {
  const a = toNumber(call.params[0])
  const b = toNumber(call.params[1])
  return a === undefined || b === undefined ? "" : tidy(op(a, b))
}

function joinValues(call: HelperCall): string {
  const [list, separator] = call.params
  if (!Array.isArray(list)) return ""
  const sep = typeof separator === "string" ? separator : ", "
  return list
    .map((item) => (typeof item === "boolean" ? String(item) : toText(item)))
    .filter((item) => item !== "")
    .join(sep)
}

function withDefault(call: HelperCall): unknown {
  const [value, fallback] = call.params
  const missing = value === undefined || value === null || value === ""
  if (!missing) return value
  return fallback === undefined || fallback === null ? "" : fallback
}

function changeCase(call: HelperCall, upper: boolean): string {
  const text = toText(call.params[0])
  const locale = normaliseLocale(call.root._locale)
  return upper ? text.toLocaleUpperCase(locale) : text.toLocaleLowerCase(locale)
}

const MAILER_HELPER_TABLE: ReadonlyArray<readonly [string, MailerHelper]> = [
  ["money", formatMoney],
  ["date", formatDate],
  ["address", formatAddress],
  ["eq", (c) => c.params[0] === c.params[1]],
  ["ne", (c) => c.params[0] !== c.params[1]],
  ["gt", (c) => compareNumbers(c, (a, b) => a > b)],
  ["lt", (c) => compareNumbers(c, (a, b) => a < b)],
  ["and", (c) => c.params.length > 0 && c.params.every(isTruthy)],
  ["or", (c) => c.params.some(isTruthy)],
  ["not", (c) => !isTruthy(c.params[0])],
  ["default", withDefault],
  ["uppercase", (c) => changeCase(c, true)],
  ["lowercase", (c) => changeCase(c, false)],
  ["join", joinValues],
  ["multiply", (c) => arithmetic(c, (a, b) => a * b)],
  ["add", (c) => arithmetic(c, (a, b) => a + b)],
]

/** The names of our own helpers (built-ins are listed in handlebars-env.ts). */
export const MAILER_HELPER_NAMES: readonly string[] = MAILER_HELPER_TABLE.map(([name]) => name)

/** name → Handlebars helper, ready for engine.registerHelper. */
export function mailerHelpers(): Map<string, Handlebars.HelperDelegate> {
  return new Map(MAILER_HELPER_TABLE.map(([name, fn]) => [name, toHandlebarsHelper(fn)]))
}
