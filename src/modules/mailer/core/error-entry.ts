/**
 * The shape of one entry of the mailer's error table (MAILER_ERRORS in errors.ts). Its own
 * module so the code files (error-codes-*.ts) and errors.ts do not import each other.
 *
 * kind decides what happens:
 * - transient:     retry later with backoff
 * - permanent:     mark the message failed, never retry automatically
 * - configuration: the account (or installation) must be fixed first; pause, do not retry blindly
 * - request:       a request to the admin API was refused (the API layer picks the HTTP status)
 */
export type ErrorKind = "transient" | "permanent" | "configuration" | "request"

export type MailerLanguage = "de" | "en"

/** The status a configuration error puts its account in; mail on a paused account waits. */
export type AccountPauseStatus = "auth_failed" | "tls_failed" | "connection_failed" | "reauth_required"

export interface ErrorEntry {
  kind: ErrorKind
  /**
   * Configuration errors that pause the sending account: retrying a wrong password only
   * risks a lockout at the provider. The admin's fix (or a passed verify) resumes it.
   */
  pauses_account?: AccountPauseStatus
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
