/**
 * Retry timing for transient send failures: exponential doubling with FULL jitter
 * (delay = random × min(cap, base × 2^(attempt−1))). Full jitter spreads the retries of many
 * rows that failed together (server down, 421 burst) instead of sending them back in lockstep;
 * see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/.
 *
 * `attempt` counts the attempts already made, starting at 1 after the first failure.
 */
export interface RetryPolicy {
  /** Attempts in total, the first one included; after the last one the row is failed. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
}

/** 6 attempts, ceilings 1, 2, 4, 8, 16 min between them (about half an hour in the worst case). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 6,
  baseDelayMs: 60_000,
  maxDelayMs: 3_600_000,
})

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

/** When to try again after `attempt` failed attempts; null when the attempts are used up. */
export function nextRetryAt(
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  now: Date = new Date(),
  random: () => number = Math.random
): Date | null {
  if (attempt >= policy.maxAttempts) return null
  return new Date(now.getTime() + retryDelayMs(attempt, policy, random))
}
