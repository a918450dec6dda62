import { DELIVERY_ERRORS } from "./error-codes-delivery"
import { REQUEST_ERRORS } from "./error-codes-request"
import type { AccountPauseStatus, ErrorContext, ErrorEntry, ErrorKind, MailerLanguage } from "./error-entry"

/**
 * The one error table of the mailer. Every failure the plugin records or answers (SMTP,
 * configuration, templates, secrets, admin API requests) has a code here with its kind and a
 * merchant-facing text and hint in German and English (entry shape: error-entry.ts). Other
 * layers map a code to an HTTP answer or MedusaError only at the API or workflow-step boundary.
 */
export type { AccountPauseStatus, ErrorContext, ErrorEntry, ErrorKind, MailerLanguage } from "./error-entry"

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

/** The status an error puts its account in (the table's pauses_account), or null. */
export function accountStatusForError(code: string): AccountPauseStatus | null {
  return isMailerErrorCode(code) ? MAILER_ERRORS[code].pauses_account ?? null : null
}

/** Every status in which an account is paused: its queued mail waits for a fix. */
export const PAUSED_ACCOUNT_STATUSES: ReadonlySet<string> = new Set(
  Object.values(MAILER_ERRORS).flatMap((entry) => (entry.pauses_account ? [entry.pauses_account] : []))
)
