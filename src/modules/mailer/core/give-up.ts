import { carriesSecretLink } from "./events/catalog"
import { describeError, isMailerErrorCode, MAILER_ERRORS, type MailerLanguage } from "./errors"

/**
 * What the log says about a mail whose retries ran out, and which mails "Retry now" may take.
 * Pure: the API and delivery both ask here, so the admin and the stored hint agree.
 */

const UNITS = [
  { ms: 24 * 60 * 60 * 1000, en: ["day", "days"], de: ["Tag", "Tagen"] },
  { ms: 60 * 60 * 1000, en: ["hour", "hours"], de: ["Stunde", "Stunden"] },
  { ms: 60 * 1000, en: ["minute", "minutes"], de: ["Minute", "Minuten"] },
  { ms: 1000, en: ["second", "seconds"], de: ["Sekunde", "Sekunden"] },
] as const

/** "3 days", "1 hour", "nach 3 Tagen" (German dative, as in "nach {duration}"): the largest whole unit. */
export function durationText(ms: number, lang: MailerLanguage): string {
  const safe = Number.isFinite(ms) && ms > 0 ? ms : 0
  const unit = UNITS.find((u) => safe >= u.ms) ?? UNITS[UNITS.length - 1]
  const n = Math.max(1, Math.round(safe / unit.ms))
  return `${n} ${unit[lang][n === 1 ? 0 : 1]}`
}

/** "41 attempts" / "41 Versuchen" (dative, as in "nach … und {attempts}"). */
export function attemptsText(attempts: number, lang: MailerLanguage): string {
  const n = Math.max(0, Math.floor(attempts))
  if (lang === "de") return `${n} ${n === 1 ? "Versuch" : "Versuchen"}`
  return `${n} ${n === 1 ? "attempt" : "attempts"}`
}

export interface GiveUpFacts {
  status: string
  error_code?: string | null
  attempts?: number | null
  created_at?: Date | string | null
  /** When the row became failed (its last update). */
  updated_at?: Date | string | null
}

/**
 * The hint for a failed row whose last error was a temporary one: it failed because its
 * retries ran out ("Gave up after 3 days and 41 attempts …"), not because the error was final.
 * null for every other row. The span counts from when the row was written, a manual retry included.
 */
export function gaveUpHint(row: GiveUpFacts, lang: MailerLanguage): string | null {
  if (row.status !== "failed" || !row.error_code || !isMailerErrorCode(row.error_code)) return null
  if (MAILER_ERRORS[row.error_code].kind !== "transient" || !row.attempts) return null
  const span = time(row.updated_at) - time(row.created_at)
  return describeError("RETRY_GAVE_UP", lang, {
    duration: durationText(span, lang),
    attempts: attemptsText(row.attempts, lang),
  }).hint
}

function time(value: Date | string | null | undefined): number {
  const t = value ? new Date(value).getTime() : NaN
  return Number.isFinite(t) ? t : 0
}

export interface RetryCandidate {
  status: string
  event_name: string
  subject?: string | null
  html?: string | null
  text?: string | null
}

/**
 * Whether "Retry now" may take this row: a queued one (waiting or paused) or a failed one that
 * holds the mail as it was rendered. Sent and skipped mails, a mail being sent right now, a
 * failure before anything was rendered, and a one-time-link mail (its link was removed when it
 * failed) are sent again with "Send again" instead, which renders a new copy.
 */
export function canRetryNow(row: RetryCandidate): boolean {
  if (row.status === "queued") return true
  if (row.status !== "failed") return false
  if (carriesSecretLink(row.event_name)) return false
  return Boolean(row.subject) && Boolean(row.html || row.text)
}
