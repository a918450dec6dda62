import { ONE_TIME_LINK_PLACEHOLDER } from "../core/one-time-link"
import { isCappedLinkMail, oneTimeLinkLimit, outboxRow, skippedForLinkCap } from "../delivery/outbox-row"
import type { MessageDraft } from "../types"

const seal = (plain: string, rowId: string) => `sealed(${rowId}):${plain.length}`
const live = { id: "mmsg_1", account: { test_mode: false, sender_email: "shop@shop.test" }, seal }

function draft(overrides: Partial<MessageDraft> = {}): MessageDraft {
  return {
    idempotency_key: "k",
    status: "queued",
    event_name: "auth.password_reset.customer",
    to: "erika@kunde.test",
    subject: "Passwort",
    html: `<a href="${ONE_TIME_LINK_PLACEHOLDER}">x</a>`,
    text: ONE_TIME_LINK_PLACEHOLDER,
    one_time_link: "https://shop.test/reset-password?token=SECRET",
    ...overrides,
  }
}

describe("outboxRow", () => {
  it("stores a queued mail with its recipient as an array, the link sealed, due now", () => {
    const row = outboxRow(draft(), live)
    expect(row).toMatchObject({ id: "mmsg_1", status: "queued", to: ["erika@kunde.test"], cc: [], bcc: [], test_mode: false, test_recipient: null })
    expect(row.one_time_link).toBe("sealed(mmsg_1):45")
    expect(JSON.stringify(row)).not.toContain("SECRET")
    expect(row.next_attempt_at).toBeInstanceOf(Date)
  })

  it("turns an invalid recipient into a failed row that keeps the input, quotes it and holds no link", () => {
    const row = outboxRow(draft({ to: "victim@kunde.test\r\nBcc: evil@attacker.test" }), live)
    expect(row).toMatchObject({ status: "failed", error_code: "RECIPIENT_INVALID", to: ["victim@kunde.test\r\nBcc: evil@attacker.test"], one_time_link: null, next_attempt_at: null })
    expect(row.error_message).toBe('Invalid recipient in "to": "victim@kunde.test\\r\\nBcc: evil@attacker.test"')
    expect(row.html).not.toContain(ONE_TIME_LINK_PLACEHOLDER)
  })

  it("writes no error fields on a row delivery will send, but keeps a failed draft's reason", () => {
    const queued = outboxRow(draft({ error_code: "SMTP_TRANSIENT", error_message: "stale", error_hint: "stale hint" }), live)
    expect(queued).toMatchObject({ status: "queued" })
    expect(queued).not.toHaveProperty("error_code")
    expect(queued).not.toHaveProperty("error_hint")
    const failed = outboxRow(draft({ status: "failed", error_code: "NO_ACCOUNT", error_message: "No account.", error_hint: "Add one." }), live)
    expect(failed).toMatchObject({ status: "failed", error_code: "NO_ACCOUNT", error_message: "No account.", error_hint: "Add one." })
  })

  it("keeps a skipped draft skipped, whatever its recipient", () => {
    const row = outboxRow(draft({ status: "skipped", skip_reason: "NO_TOKEN", to: "a@x.test, b@y.test" }), live)
    expect(row).toMatchObject({ status: "skipped", skip_reason: "NO_TOKEN", to: ["a@x.test, b@y.test"] })
    expect(row).not.toHaveProperty("error_code")
  })

  it("records the account's test mode and test address", () => {
    const row = outboxRow(draft(), { ...live, account: { test_mode: true, test_recipient: null, sender_email: "shop@shop.test" } })
    expect(row).toMatchObject({ test_mode: true, test_recipient: "shop@shop.test", to: ["erika@kunde.test"] })
  })
})

describe("the hourly cap", () => {
  it("applies to visitors' one-time-link mails, not to admins' test mails nor to other events", () => {
    expect(isCappedLinkMail(outboxRow(draft(), live))).toBe(true)
    expect(isCappedLinkMail(outboxRow(draft({ triggered_by: "user_1" }), live))).toBe(false)
    expect(isCappedLinkMail(outboxRow(draft({ event_name: "order.placed", one_time_link: null }), live))).toBe(false)
  })

  it("skips with the reason and drops link and body", () => {
    const skipped = skippedForLinkCap(outboxRow(draft(), live))
    expect(skipped).toMatchObject({ status: "skipped", skip_reason: "ONE_TIME_LINK_LIMIT", one_time_link: null, next_attempt_at: null })
    expect(skipped.html).not.toContain(ONE_TIME_LINK_PLACEHOLDER)
  })

  it("takes the option when it is a whole number of at least 1, else 5", () => {
    expect([oneTimeLinkLimit(3), oneTimeLinkLimit(undefined), oneTimeLinkLimit(0), oneTimeLinkLimit(2.5), oneTimeLinkLimit("9")]).toEqual([3, 5, 5, 5, 5])
  })
})
