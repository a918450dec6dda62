import { DELIVERY_ERRORS } from "./error-codes-delivery"
import { REQUEST_ERRORS } from "./error-codes-request"

/**
 * The one error table of the mailer. Every failure the plugin records or answers (SMTP,
 * configuration, templates, secrets, admin API requests) has a code here with its kind and a
 * merchant-facing text and hint in German and English. Other layers map a code to an HTTP
 * answer or MedusaError only at the API or workflow-step boundary.
 *
 * kind decides what happens:
 * - transient:     retry later with backoff
 * - permanent:     mark the message failed, never retry automatically
 * - configuration: the account (or installation) must be fixed first; pause, do not retry blindly
 * - request:       a request to the admin API was refused (http_status says how)
 */
export type ErrorKind = "transient" | "permanent" | "configuration" | "request"

export type MailerLanguage = "de" | "en"

export interface ErrorEntry {
  kind: ErrorKind
  /** For request errors: the HTTP status and Medusa error type of the answer. */
  http_status?: number
  type?: string
  message_en: string
  message_de: string
  hint_en: string
  hint_de: string
  /**
   * Hints for a connection check (verify, test and save) where the default one would say
   * something untrue there, e.g. "the mail will be retried": a check is never retried.
   */
  hint_check_en?: string
  hint_check_de?: string
  /** Hints for "test and save" only, where nothing is stored and so nothing is paused. */
  hint_test_en?: string
  hint_test_de?: string
}

/**
 * Where an error is shown: a queued mail ("delivery", the default), a verification of a
 * stored account ("verify") or a "test and save" of settings not stored yet ("test").
 */
export type ErrorContext = "delivery" | "verify" | "test"

export const MAILER_ERRORS: Record<keyof typeof DELIVERY_ERRORS | keyof typeof REQUEST_ERRORS, ErrorEntry> = {
  ...DELIVERY_ERRORS,
  ...REQUEST_ERRORS,
}

export type MailerErrorCode = keyof typeof DELIVERY_ERRORS | keyof typeof REQUEST_ERRORS
export type RequestErrorCode = keyof typeof REQUEST_ERRORS

export interface MailerErrorDetails {
  responseCode?: number
  command?: string
  smtpResponse?: string
  cause?: unknown
}

export function isMailerErrorCode(code: unknown): code is MailerErrorCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(MAILER_ERRORS, code)
}

export class MailerError extends Error {
  readonly code: MailerErrorCode
  readonly kind: ErrorKind
  readonly responseCode?: number
  readonly command?: string
  readonly smtpResponse?: string

  constructor(code: MailerErrorCode, message?: string, details: MailerErrorDetails = {}) {
    super(message || MAILER_ERRORS[code].message_en)
    this.name = "MailerError"
    this.code = code
    this.kind = MAILER_ERRORS[code].kind
    if (details.responseCode !== undefined) this.responseCode = details.responseCode
    if (details.command !== undefined) this.command = details.command
    if (details.smtpResponse !== undefined) this.smtpResponse = details.smtpResponse
    if (details.cause !== undefined) {
      // Not enumerable: a JSON-serialised error (log line, API body) must not drag the raw
      // library error along, which may hold connection details.
      Object.defineProperty(this, "cause", { value: details.cause, enumerable: false })
    }
  }

  get transient(): boolean {
    return this.kind === "transient"
  }
}

export function isMailerError(err: unknown): err is MailerError {
  return err instanceof MailerError
}

export interface DescribedError {
  code: MailerErrorCode
  kind: ErrorKind
  message: string
  hint: string
}

export type ErrorParams = Record<string, string | number | undefined>

/** Merchant-facing text for an error code in its context; unknown codes read as UNKNOWN. */
export function describeError(
  code: string,
  lang: MailerLanguage,
  params: ErrorParams = {},
  context: ErrorContext = "delivery"
): DescribedError {
  const known: MailerErrorCode = isMailerErrorCode(code) ? code : "UNKNOWN"
  const entry = MAILER_ERRORS[known]
  return {
    code: known,
    kind: entry.kind,
    message: fillParams(lang === "de" ? entry.message_de : entry.message_en, params),
    hint: fillParams(hintFor(entry, lang, context), params),
  }
}

function hintFor(entry: ErrorEntry, lang: MailerLanguage, context: ErrorContext): string {
  const de = lang === "de"
  const test = context === "test" ? (de ? entry.hint_test_de : entry.hint_test_en) : undefined
  const check = context !== "delivery" ? (de ? entry.hint_check_de : entry.hint_check_en) : undefined
  return test ?? check ?? (de ? entry.hint_de : entry.hint_en)
}

/** Replaces {name} and {name|default} with the parameter's value. */
export function fillParams(text: string, params: ErrorParams): string {
  return text.replace(/\{(\w+)(?:\|([^}]*))?\}/g, (_, name: string, fallback?: string) => {
    const value = params[name]
    return value === undefined || value === "" ? fallback ?? "" : String(value)
  })
}

/**
 * Picks German or English from an Accept-Language header, honouring q-values
 * ("fr, de;q=0.8, en;q=0.5" → de). Anything else, or no header, reads as English.
 */
export function pickLanguage(acceptLanguage?: string | null): MailerLanguage {
  if (!acceptLanguage) return "en"
  let best: { lang: MailerLanguage; q: number } | null = null
  for (const part of acceptLanguage.split(",")) {
    const [tag, ...params] = part.trim().split(";")
    const lang = tag.trim().toLowerCase().split("-")[0]
    if (lang !== "de" && lang !== "en") continue
    const q = parseQuality(params)
    // strictly greater: on equal weight the earlier entry wins, as the header lists preference order
    if (q > 0 && (!best || q > best.q)) best = { lang, q }
  }
  return best?.lang ?? "en"
}

function parseQuality(params: string[]): number {
  for (const param of params) {
    const [key, value] = param.trim().split("=")
    if (key?.trim().toLowerCase() === "q") {
      const q = Number(value)
      return Number.isFinite(q) ? q : 0
    }
  }
  return 1
}
