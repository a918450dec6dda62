import { describeError } from "../errors"
import { attemptsText, canRetryNow, durationText, gaveUpHint } from "../give-up"

describe("give-up hint and retry-now rule", () => {
  it("names the span in its largest whole unit, German in the dative", () => {
    expect(durationText(3 * 86_400_000, "en")).toBe("3 days")
    expect(durationText(3 * 86_400_000 + 5_000, "de")).toBe("3 Tagen")
    expect(durationText(86_400_000, "de")).toBe("1 Tag")
    expect(durationText(2 * 3_600_000, "en")).toBe("2 hours")
    expect(durationText(90_000, "de")).toBe("2 Minuten")
    expect(durationText(1_200, "en")).toBe("1 second")
    expect(durationText(0, "en")).toBe("1 second")
    expect(durationText(Number.NaN, "de")).toBe("1 Sekunde")
    expect(attemptsText(41, "en")).toBe("41 attempts")
    expect(attemptsText(41, "de")).toBe("41 Versuchen")
    expect(attemptsText(1, "de")).toBe("1 Versuch")
  })

  it("explains a failed row whose last error was temporary, in both languages", () => {
    const row = {
      status: "failed",
      error_code: "SMTP_TEMPORARY",
      attempts: 41,
      created_at: "2025-01-01T00:00:00Z",
      updated_at: "2025-01-04T00:00:02Z",
    }
    expect(gaveUpHint(row, "en")).toMatch(/^Gave up after 3 days and 41 attempts: /)
    expect(gaveUpHint(row, "de")).toMatch(/^Nach 3 Tagen und 41 Versuchen aufgegeben: /)
    expect(gaveUpHint(row, "en")).toBe(describeError("RETRY_GAVE_UP", "en", { duration: "3 days", attempts: "41 attempts" }).hint)
  })

  it("says nothing for other rows: final errors, waiting rows, rows never attempted", () => {
    const base = { status: "failed", attempts: 1, created_at: new Date(0), updated_at: new Date(60_000) }
    expect(gaveUpHint({ ...base, error_code: "SMTP_RECIPIENT_REJECTED" }, "en")).toBeNull()
    expect(gaveUpHint({ ...base, status: "queued", error_code: "SMTP_TEMPORARY" }, "en")).toBeNull()
    expect(gaveUpHint({ ...base, attempts: 0, error_code: "SMTP_TEMPORARY" }, "en")).toBeNull()
    expect(gaveUpHint({ ...base, error_code: "NOT_A_CODE" }, "en")).toBeNull()
    expect(gaveUpHint({ ...base, error_code: null }, "en")).toBeNull()
  })

  it("retries waiting and rendered failed mails only", () => {
    const mail = { event_name: "order.placed", subject: "Danke", html: "<p>Danke</p>", text: "Danke" }
    expect(canRetryNow({ ...mail, status: "queued" })).toBe(true)
    expect(canRetryNow({ ...mail, status: "failed" })).toBe(true)
    expect(canRetryNow({ ...mail, status: "failed", html: null })).toBe(true)
    for (const status of ["sent", "skipped", "sending"]) expect(canRetryNow({ ...mail, status })).toBe(false)
    expect(canRetryNow({ ...mail, status: "failed", subject: null, html: null, text: null })).toBe(false)
    expect(canRetryNow({ ...mail, status: "failed", event_name: "auth.password_reset.customer" })).toBe(false)
  })
})
