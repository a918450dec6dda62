/**
 * Retry timing for transient send failures, the way an MTA does it (Postfix qmgr: the delay
 * doubles up to a cap, mail is bounced once its queue lifetime is over, 5 days there):
 * exponential doubling with FULL jitter (delay = random × min(cap, base × 2^(attempt−1))) until
 * the row's give-up time. Full jitter spreads the retries of many rows that failed together
 * (server down, 421 burst) instead of sending them back in lockstep;
 * see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/.
 *
 * `attempt` counts the attempts already made, starting at 1 after the first failure.
 */
export interface RetryPolicy {
  /** How long after a row is written (or retried by hand) transient failures are retried. */
  lifetimeMs: number
  baseDelayMs: number
  maxDelayMs: number
  /** An optional extra cap on attempts in total, the first one included (none by default). */
  maxAttempts?: number
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * 3 days of retries; ceilings 1, 2, 4 … 32 min, then one hour. With full jitter the mean delay
 * is half the ceiling, so a mail that keeps failing is tried about 150 times before it fails.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  lifetimeMs: 3 * DAY_MS,
  baseDelayMs: 60_000,
  maxDelayMs: 3_600_000,
})

/**
 * The plugin option `retry` over the defaults. A value that is not a positive finite number
 * keeps its default, so a typo cannot turn retries off (or into a busy loop).
 */
export function retryPolicyFrom(option: Partial<Record<keyof RetryPolicy, unknown>> | null | undefined): RetryPolicy {
  const given = option ?? {}
  const positive = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v > 0
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY }
  for (const key of ["lifetimeMs", "baseDelayMs", "maxDelayMs"] as const) {
    if (positive(given[key])) policy[key] = given[key] as number
  }
  if (positive(given.maxAttempts)) policy.maxAttempts = Math.floor(given.maxAttempts as number)
  return policy
}

/** When a row written (or retried by hand) at `start` stops being retried. */
export function giveUpAt(start: Date, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Date {
  return new Date(start.getTime() + policy.lifetimeMs)
}

/** Upper bound of the delay after `attempt` failed attempts, before jitter. */
export function retryCeilingMs(attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const n = Math.max(1, Math.floor(attempt))
  // 2^(n-1) overflows to Infinity for large n; Math.min then picks the cap, which is what we want
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1))
}

export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random
): number {
  // clamp: a bad random source must not produce negative or over-cap delays
  const r = Math.min(Math.max(random(), 0), 1)
  return Math.floor(r * retryCeilingMs(attempt, policy))
}

/**
 * When to try again after `attempt` failed attempts; null when the row gives up: its give-up
 * time has come (or the optional attempt cap is reached). The last retry is scheduled at the
 * give-up time at the latest, so a mail is never dropped while a retry was still allowed.
 * Without `until` only the attempt cap ends the retries.
 */
export function nextRetryAt(
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  now: Date = new Date(),
  random: () => number = Math.random,
  until?: Date | null
): Date | null {
  if (policy.maxAttempts !== undefined && attempt >= policy.maxAttempts) return null
  if (until && now.getTime() >= until.getTime()) return null
  const at = now.getTime() + retryDelayMs(attempt, policy, random)
  return new Date(until ? Math.min(at, until.getTime()) : at)
}
