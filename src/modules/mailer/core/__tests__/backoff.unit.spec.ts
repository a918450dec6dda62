import { DEFAULT_RETRY_POLICY, nextRetryAt, retryCeilingMs, retryDelayMs, type RetryPolicy } from "../backoff"
import { seeded } from "./seeded-random"

describe("backoff", () => {
  const policy: RetryPolicy = { maxAttempts: 10, baseDelayMs: 1_000, maxDelayMs: 30_000 }

  it("has the documented default policy", () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ maxAttempts: 6, baseDelayMs: 60_000, maxDelayMs: 3_600_000 })
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

  it("nextRetryAt adds the delay to now and stops after the last attempt", () => {
    const now = new Date("2025-01-01T00:00:00Z")
    expect(nextRetryAt(1, DEFAULT_RETRY_POLICY, now, () => 0.5)?.toISOString()).toBe("2025-01-01T00:00:30.000Z")
    expect(nextRetryAt(5, DEFAULT_RETRY_POLICY, now, () => 1)?.getTime()).toBe(now.getTime() + 16 * 60_000)
    expect(nextRetryAt(6, DEFAULT_RETRY_POLICY, now, () => 0.5)).toBeNull()
    expect(nextRetryAt(7, DEFAULT_RETRY_POLICY, now)).toBeNull()
  })
})
