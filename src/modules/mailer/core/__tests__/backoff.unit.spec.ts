import { DEFAULT_RETRY_POLICY, giveUpAt, nextRetryAt, retryCeilingMs, retryDelayMs, retryPolicyFrom, type RetryPolicy } from "../backoff"
import { seeded } from "./seeded-random"

describe("backoff", () => {
  const policy: RetryPolicy = { lifetimeMs: 600_000, baseDelayMs: 1_000, maxDelayMs: 30_000 }

  it("has the documented default policy", () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ lifetimeMs: 3 * 24 * 3_600_000, baseDelayMs: 60_000, maxDelayMs: 3_600_000 })
  })

  it("doubles the ceiling per attempt up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryCeilingMs(n, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ])
    expect(retryCeilingMs(5_000, policy)).toBe(30_000)
  })

  it("applies full jitter: random × ceiling", () => {
    expect(retryDelayMs(3, policy, () => 0)).toBe(0)
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(2_000)
    expect(retryDelayMs(3, policy, () => 0.999999)).toBe(3_999)
    expect(retryDelayMs(1, DEFAULT_RETRY_POLICY, () => 0.25)).toBe(15_000)
  })

  it("stays within [0, ceiling) for many seeded draws and grows on average", () => {
    const random = seeded(42)
    const means: number[] = []
    for (let attempt = 1; attempt <= 8; attempt++) {
      let sum = 0
      for (let i = 0; i < 2_000; i++) {
        const delay = retryDelayMs(attempt, policy, random)
        expect(delay).toBeGreaterThanOrEqual(0)
        expect(delay).toBeLessThan(retryCeilingMs(attempt, policy))
        expect(Number.isInteger(delay)).toBe(true)
        sum += delay
      }
      means.push(sum / 2_000)
    }
    // mean of full jitter is ceiling / 2: growth until the cap, then flat
    for (let i = 1; i < 5; i++) expect(means[i]).toBeGreaterThan(means[i - 1] * 1.7)
    expect(means[6]).toBeGreaterThan(13_000)
    expect(means[6]).toBeLessThan(17_000)
  })

  it("clamps a misbehaving random source", () => {
    expect(retryDelayMs(2, policy, () => -5)).toBe(0)
    expect(retryDelayMs(2, policy, () => 7)).toBe(2_000)
    expect(retryDelayMs(0, policy, () => 0.5)).toBe(500)
  })

  it("nextRetryAt adds the delay to now; only the optional attempt cap ends it without a give-up time", () => {
    const now = new Date("2025-01-01T00:00:00Z")
    expect(nextRetryAt(1, DEFAULT_RETRY_POLICY, now, () => 0.5)?.toISOString()).toBe("2025-01-01T00:00:30.000Z")
    expect(nextRetryAt(5, DEFAULT_RETRY_POLICY, now, () => 1)?.getTime()).toBe(now.getTime() + 16 * 60_000)
    expect(nextRetryAt(500, DEFAULT_RETRY_POLICY, now, () => 1)?.getTime()).toBe(now.getTime() + 3_600_000)
    const capped = { ...DEFAULT_RETRY_POLICY, maxAttempts: 6 }
    expect(nextRetryAt(5, capped, now, () => 0.5)).not.toBeNull()
    expect(nextRetryAt(6, capped, now, () => 0.5)).toBeNull()
    expect(nextRetryAt(7, capped, now)).toBeNull()
  })

  it("retries until the give-up time, the last retry at it at the latest, then gives up", () => {
    const start = new Date("2025-01-01T00:00:00Z")
    const until = giveUpAt(start)
    expect(until.toISOString()).toBe("2025-01-04T00:00:00.000Z")
    // 10 min before the end a 1 h ceiling would overshoot: the retry comes at the give-up time
    const late = new Date(until.getTime() - 10 * 60_000)
    expect(nextRetryAt(40, DEFAULT_RETRY_POLICY, late, () => 0.9, until)?.toISOString()).toBe(until.toISOString())
    expect(nextRetryAt(40, DEFAULT_RETRY_POLICY, late, () => 0.1, until)?.getTime()).toBe(late.getTime() + 360_000)
    expect(nextRetryAt(41, DEFAULT_RETRY_POLICY, until, () => 0.1, until)).toBeNull()
    expect(nextRetryAt(2, DEFAULT_RETRY_POLICY, new Date(until.getTime() + 1), () => 0.1, until)).toBeNull()
  })

  it("a seeded run over the whole lifetime: delays within their ceilings, growing, about 150 attempts", () => {
    const random = seeded(7)
    const start = new Date("2025-01-01T00:00:00Z")
    const until = giveUpAt(start)
    let now = start
    let attempt = 1
    const delays: number[] = []
    for (;;) {
      const next = nextRetryAt(attempt, DEFAULT_RETRY_POLICY, now, random, until)
      if (!next) break
      const delay = next.getTime() - now.getTime()
      expect(delay).toBeLessThanOrEqual(retryCeilingMs(attempt))
      delays.push(delay)
      now = next
      attempt++
    }
    expect(now.getTime()).toBe(until.getTime()) // the last attempt is at the give-up time, not before it ends
    expect(attempt).toBeGreaterThan(100)
    expect(attempt).toBeLessThan(220)
    const early = delays.slice(0, 6).reduce((a, b) => a + b, 0) / 6
    const late = delays.slice(20, 40).reduce((a, b) => a + b, 0) / 20
    expect(late).toBeGreaterThan(early)
  })

  it("reads the plugin option over the defaults and ignores unusable values", () => {
    expect(retryPolicyFrom(undefined)).toEqual(DEFAULT_RETRY_POLICY)
    expect(retryPolicyFrom({ lifetimeMs: 5 * 86_400_000, baseDelayMs: 200 })).toEqual({
      lifetimeMs: 5 * 86_400_000,
      baseDelayMs: 200,
      maxDelayMs: 3_600_000,
    })
    expect(retryPolicyFrom({ lifetimeMs: 0, baseDelayMs: -1, maxDelayMs: Number.NaN, maxAttempts: "3" as any })).toEqual(DEFAULT_RETRY_POLICY)
    expect(retryPolicyFrom({ maxAttempts: 4.5 }).maxAttempts).toBe(4)
  })
})
