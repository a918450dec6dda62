import {
  dailyQuotaOf,
  dayStart,
  decideAllowance,
  isValidTimeZone,
  nextDayStart,
  QUOTA_JITTER_MS,
  quotaRetryAt,
  rateLimitOf,
  rateSlotAt,
} from "../send-window"

const at = (iso: string) => new Date(iso)
const HOUR = 60 * 60 * 1000

describe("calendar day of the daily quota", () => {
  it("starts at 00:00 UTC by default", () => {
    expect(dayStart(at("2026-12-03T12:34:56.789Z"), "UTC")).toEqual(at("2026-12-03T00:00:00.000Z"))
    expect(nextDayStart(at("2026-12-03T12:34:56.789Z"), "UTC")).toEqual(at("2026-12-04T00:00:00.000Z"))
    expect(nextDayStart(at("2026-12-31T23:59:59.999Z"), "UTC")).toEqual(at("2027-01-01T00:00:00.000Z"))
  })

  it("an instant exactly at midnight belongs to the day it starts", () => {
    expect(dayStart(at("2026-12-04T00:00:00.000Z"), "UTC")).toEqual(at("2026-12-04T00:00:00.000Z"))
    expect(dayStart(at("2026-12-03T23:59:59.999Z"), "UTC")).toEqual(at("2026-12-03T00:00:00.000Z"))
  })

  it("follows the shop's time zone (Berlin in winter is UTC+1)", () => {
    // 23:30 UTC on the 3rd is already the 4th in Berlin
    expect(dayStart(at("2026-12-03T23:30:00Z"), "Europe/Berlin")).toEqual(at("2026-12-03T23:00:00Z"))
    expect(nextDayStart(at("2026-12-03T12:00:00Z"), "Europe/Berlin")).toEqual(at("2026-12-03T23:00:00Z"))
    expect(nextDayStart(at("2026-12-03T12:00:00Z"), "America/New_York")).toEqual(at("2026-12-04T05:00:00Z"))
    expect(nextDayStart(at("2026-12-03T12:00:00Z"), "Asia/Kolkata")).toEqual(at("2026-12-03T18:30:00Z"))
  })

  it("has 23 hours on the spring DST day and 25 on the autumn one", () => {
    const spring = at("2026-03-29T10:00:00Z") // Berlin switches to CEST at 02:00 local
    expect(dayStart(spring, "Europe/Berlin")).toEqual(at("2026-03-28T23:00:00Z"))
    expect(nextDayStart(spring, "Europe/Berlin")).toEqual(at("2026-03-29T22:00:00Z"))
    const autumn = at("2026-10-25T10:00:00Z") // back to CET at 03:00 local
    expect(dayStart(autumn, "Europe/Berlin")).toEqual(at("2026-10-24T22:00:00Z"))
    expect(nextDayStart(autumn, "Europe/Berlin")).toEqual(at("2026-10-25T23:00:00Z"))
    expect(nextDayStart(autumn, "Europe/Berlin").getTime() - dayStart(autumn, "Europe/Berlin").getTime()).toBe(25 * HOUR)
  })

  it("starts the day at the jump where midnight does not exist (Chile: 00:00 → 01:00)", () => {
    const start = nextDayStart(at("2026-09-05T15:00:00Z"), "America/Santiago")
    expect(start).toEqual(at("2026-09-06T04:00:00Z"))
    const localHour = new Intl.DateTimeFormat("en-US", { timeZone: "America/Santiago", hour: "numeric", hourCycle: "h23" }).format(start)
    expect(Number(localHour)).toBe(1)
    expect(dayStart(new Date(start.getTime() - 1), "America/Santiago")).toEqual(at("2026-09-05T04:00:00Z"))
  })

  it("delays held-back mail to just after the next day's start, by at most the jitter", () => {
    const now = at("2026-12-03T12:00:00Z")
    expect(quotaRetryAt(now, "UTC", () => 0)).toEqual(at("2026-12-04T00:00:00Z"))
    expect(quotaRetryAt(now, "UTC", () => 1).getTime()).toBe(at("2026-12-04T00:00:00Z").getTime() + QUOTA_JITTER_MS)
    expect(quotaRetryAt(now, "UTC", () => 7).getTime()).toBe(at("2026-12-04T00:00:00Z").getTime() + QUOTA_JITTER_MS)
  })

  it("knows valid time zone names", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true)
    expect(isValidTimeZone("UTC")).toBe(true)
    expect(isValidTimeZone("Mars/Olympus")).toBe(false)
    expect(isValidTimeZone("")).toBe(false)
    expect(isValidTimeZone(undefined)).toBe(false)
  })
})

describe("rate limit window", () => {
  const limit = { messages: 3, windowMs: 1000 }
  const now = at("2026-12-03T12:00:01.000Z")

  it("lets a send start while fewer than the limit started in the window and the last one is a spacing ago", () => {
    expect(rateSlotAt(now, limit, [])).toBeNull()
    expect(rateSlotAt(now, limit, [at("2026-12-03T12:00:00.600Z"), at("2026-12-03T12:00:00.200Z")])).toBeNull()
    // a start exactly one window ago still counts (closed window), one earlier no longer
    expect(rateSlotAt(now, limit, [at("2026-12-03T12:00:00.667Z"), at("2026-12-03T12:00:00.300Z"), at("2026-12-03T11:59:59.999Z")])).toBeNull()
  })

  it("spreads starts at least window / limit apart instead of one burst", () => {
    // 3 per 1000 ms: one every 333 ms
    expect(rateSlotAt(now, limit, [at("2026-12-03T12:00:00.900Z")])).toEqual(at("2026-12-03T12:00:01.233Z"))
  })

  it("opens the next slot just after the limit-th newest start leaves the window", () => {
    const starts = [at("2026-12-03T12:00:00.600Z"), at("2026-12-03T12:00:00.300Z"), at("2026-12-03T12:00:00.000Z")]
    expect(rateSlotAt(now, limit, starts)).toEqual(at("2026-12-03T12:00:01.001Z"))
    // order of the input does not matter
    expect(rateSlotAt(now, limit, [...starts].reverse())).toEqual(at("2026-12-03T12:00:01.001Z"))
  })

  it("never lets more than the limit start in any closed window (simulated greedy sender)", () => {
    const starts: Date[] = []
    let clock = at("2026-12-03T12:00:00.000Z").getTime()
    while (starts.length < 40) {
      const slot = rateSlotAt(new Date(clock), limit, starts)
      if (slot) clock = slot.getTime()
      else starts.unshift(new Date(clock))
    }
    const times = starts.map((d) => d.getTime()).sort((a, b) => a - b)
    for (const t of times) {
      expect(times.filter((u) => u >= t && u <= t + limit.windowMs).length).toBeLessThanOrEqual(limit.messages)
    }
  })

  it("reads limits from the account: both rate numbers are needed, 0 and empty mean none", () => {
    expect(rateLimitOf({ rate_limit_messages: 10, rate_limit_pause_ms: 1000 })).toEqual({ messages: 10, windowMs: 1000 })
    expect(rateLimitOf({ rate_limit_messages: 10, rate_limit_pause_ms: null })).toBeNull()
    expect(rateLimitOf({ rate_limit_messages: 0, rate_limit_pause_ms: 1000 })).toBeNull()
    expect(dailyQuotaOf({ daily_quota: 50 })).toBe(50)
    expect(dailyQuotaOf({ daily_quota: null })).toBeNull()
    expect(dailyQuotaOf({ daily_quota: 0 })).toBeNull()
  })
})

describe("allowance", () => {
  const now = at("2026-12-03T12:00:00Z")
  const base = { now, timeZone: "Europe/Berlin", quota: 50, usedToday: 0, rate: null, recentStarts: [], random: () => 0 }

  it("goes while under the quota and the rate", () => {
    expect(decideAllowance({ ...base, usedToday: 49 })).toEqual({ kind: "go" })
    expect(decideAllowance({ ...base, quota: null, usedToday: 10_000 })).toEqual({ kind: "go" })
  })

  it("holds mail over the quota until the next day in the shop's time zone", () => {
    expect(decideAllowance({ ...base, usedToday: 50 })).toEqual({ kind: "quota", limit: 50, used: 50, retryAt: at("2026-12-03T23:00:00Z") })
  })

  it("checks the quota before the rate", () => {
    const rate = { messages: 1, windowMs: 60_000 }
    const full = decideAllowance({ ...base, usedToday: 50, rate, recentStarts: [now] })
    expect(full.kind).toBe("quota")
    const throttled = decideAllowance({ ...base, rate, recentStarts: [new Date(now.getTime() - 1000)] })
    expect(throttled).toEqual({ kind: "rate", slotAt: new Date(now.getTime() + 59_001), waitMs: 59_001 })
  })
})
