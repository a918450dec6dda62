/**
 * The windows an account's sending is counted in: the calendar day of the daily quota (in a
 * configurable time zone, DST included) and the sliding window of the rate limit. Pure: the
 * delivery code (delivery/send-allowance.ts) reads the counts from the database under a lock
 * and asks these functions what they mean.
 */

export const DEFAULT_QUOTA_TIME_ZONE = "UTC"

/** Mail held back by the daily quota goes out spread over this long after midnight. */
export const QUOTA_JITTER_MS = 2 * 60 * 1000

const HOUR_MS = 60 * 60 * 1000
// UTC offsets lie between -12:00 and +14:00, so a local midnight is within this much of the
// same wall-clock time read as UTC.
const MAX_OFFSET_MS = 15 * HOUR_MS

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hourCycle: "h23",
    })
    // Few distinct zones exist in one installation; the cap only guards against misuse.
    if (formatters.size > 50) formatters.clear()
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** True for an IANA time zone name the runtime knows ("Europe/Berlin", "UTC"). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== "string" || timeZone.trim() === "") return false
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

/** The calendar date of an instant in a time zone as a sortable number (YYYYMMDD). */
export function localDateKey(instant: Date, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(instant)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return get("year") * 10_000 + get("month") * 100 + get("day")
}

/**
 * The first instant whose local date is `dateKey` or later. Found by bisection rather than
 * "midnight minus the offset" because midnight does not exist on some days (clocks that jump
 * from 00:00 to 01:00, as in Chile): the day then starts at the jump.
 */
function firstInstantOfDate(dateKey: number, timeZone: string): Date {
  const y = Math.floor(dateKey / 10_000)
  const m = Math.floor(dateKey / 100) % 100
  const d = dateKey % 100
  const wallMidnightAsUtc = Date.UTC(y, m - 1, d)
  let lo = wallMidnightAsUtc - MAX_OFFSET_MS // local date before dateKey
  let hi = wallMidnightAsUtc + MAX_OFFSET_MS // local date dateKey or later
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (localDateKey(new Date(mid), timeZone) >= dateKey) hi = mid
    else lo = mid
  }
  return new Date(hi)
}

/** Start of the calendar day that contains `now`, in `timeZone`. */
export function dayStart(now: Date, timeZone: string): Date {
  return firstInstantOfDate(localDateKey(now, timeZone), timeZone)
}

/** Start of the calendar day after the one that contains `now`, in `timeZone` (23 or 25 hours on DST days). */
export function nextDayStart(now: Date, timeZone: string): Date {
  return firstInstantOfDate(nextDateKey(localDateKey(now, timeZone)), timeZone)
}

function nextDateKey(dateKey: number): number {
  const y = Math.floor(dateKey / 10_000)
  const m = Math.floor(dateKey / 100) % 100
  const d = dateKey % 100
  const next = new Date(Date.UTC(y, m - 1, d + 1))
  return next.getUTCFullYear() * 10_000 + (next.getUTCMonth() + 1) * 100 + next.getUTCDate()
}

/** When mail held back by the quota is due: the next day's start plus a jitter, so a backlog does not start in one burst. */
export function quotaRetryAt(now: Date, timeZone: string, random: () => number = Math.random): Date {
  const r = Math.min(Math.max(random(), 0), 1)
  return new Date(nextDayStart(now, timeZone).getTime() + Math.floor(r * QUOTA_JITTER_MS))
}

export interface RateLimit {
  /** At most this many sends start … */
  messages: number
  /** … within any window of this many milliseconds. */
  windowMs: number
}

interface AccountLimits {
  daily_quota?: number | null
  rate_limit_messages?: number | null
  rate_limit_pause_ms?: number | null
}

const positive = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 1

/** The account's daily quota, or null when it has none (empty, 0 or not a number). */
export function dailyQuotaOf(account: AccountLimits): number | null {
  return positive(account.daily_quota) ? Math.floor(account.daily_quota) : null
}

/** The account's rate limit; both numbers are needed (the same rule as the SMTP pool's). */
export function rateLimitOf(account: AccountLimits): RateLimit | null {
  const { rate_limit_messages: messages, rate_limit_pause_ms: windowMs } = account
  return positive(messages) && positive(windowMs) ? { messages: Math.floor(messages), windowMs: Math.floor(windowMs) } : null
}

/**
 * When the next send may start under a rate limit, or null when it may start now.
 * `recentStarts` are the starts at or after `now - windowMs` (any order). Two rules:
 * - no closed window of `windowMs` holds more than `messages` starts: the slot opens 1 ms
 *   after the `messages`-th newest start leaves it;
 * - starts are spread evenly, at least windowMs / messages apart, instead of going out as one
 *   burst: the SMTP pool may hold a granted send back a little (busy connections), and held
 *   back sends of a burst would reach the server together with the next burst.
 */
export function rateSlotAt(now: Date, limit: RateLimit, recentStarts: Date[]): Date | null {
  const sorted = recentStarts
    .map((t) => t.getTime())
    .filter((t) => t >= now.getTime() - limit.windowMs)
    .sort((a, b) => b - a)
  const slots: number[] = []
  if (sorted.length >= limit.messages) slots.push(sorted[limit.messages - 1] + limit.windowMs + 1)
  const spacing = Math.floor(limit.windowMs / limit.messages)
  if (sorted.length > 0 && sorted[0] + spacing > now.getTime()) slots.push(sorted[0] + spacing)
  return slots.length ? new Date(Math.max(...slots)) : null
}

export type Allowance =
  | { kind: "go" }
  | { kind: "quota"; limit: number; used: number; retryAt: Date }
  | { kind: "rate"; slotAt: Date; waitMs: number }

export interface AllowanceInput {
  now: Date
  timeZone: string
  quota: number | null
  /** Sends of the account counted for today (sent, or being sent under a granted slot). */
  usedToday: number
  rate: RateLimit | null
  recentStarts: Date[]
  random?: () => number
}

/** May the account start one more send now? The quota is checked first: a rate slot is no use on a full day. */
export function decideAllowance(input: AllowanceInput): Allowance {
  const { now, quota, rate } = input
  if (quota !== null && input.usedToday >= quota) {
    return { kind: "quota", limit: quota, used: input.usedToday, retryAt: quotaRetryAt(now, input.timeZone, input.random) }
  }
  const slotAt = rate ? rateSlotAt(now, rate, input.recentStarts) : null
  if (slotAt) {
    return { kind: "rate", slotAt, waitMs: Math.max(0, slotAt.getTime() - now.getTime()) }
  }
  return { kind: "go" }
}
