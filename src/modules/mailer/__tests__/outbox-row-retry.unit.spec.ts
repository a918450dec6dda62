import { outboxRow, skippedForLinkCap } from "../delivery/outbox-row"
import type { MessageDraft } from "../types"

const seal = (plain: string, rowId: string) => `sealed(${rowId}):${plain.length}`
const deps = { id: "mmsg_01ABC", account: { test_mode: false, sender_email: "Shop@Muster-Shop.test" }, seal, lifetimeMs: 3_600_000 }

function draft(overrides: Partial<MessageDraft> = {}): MessageDraft {
  return { idempotency_key: "k", status: "queued", event_name: "order.placed", to: "erika@kunde.test", subject: "Danke", html: "<p>x</p>", text: "x", ...overrides }
}

describe("outboxRow: retry period and Message-ID settled at write", () => {
  it("gives a queued row its give-up time and a Message-ID on the sender's domain", () => {
    const before = Date.now()
    const row = outboxRow(draft(), deps)
    expect(row.message_id).toBe("<mmsg_01ABC@muster-shop.test>")
    const giveUp = (row.give_up_at as Date).getTime()
    expect(giveUp).toBeGreaterThanOrEqual(before + 3_600_000)
    expect(giveUp).toBeLessThanOrEqual(Date.now() + 3_600_000)
  })

  it("uses the default lifetime (3 days) when none is given", () => {
    const row = outboxRow(draft(), { ...deps, lifetimeMs: undefined })
    expect((row.give_up_at as Date).getTime() - Date.now()).toBeGreaterThan(3 * 86_400_000 - 60_000)
  })

  it("leaves both empty on rows that are never sent, and without an account", () => {
    for (const row of [
      outboxRow(draft({ status: "skipped", skip_reason: "DISABLED" }), deps),
      outboxRow(draft({ to: "not an address" }), deps),
      skippedForLinkCap(outboxRow(draft(), deps)),
    ]) {
      expect(row).toMatchObject({ give_up_at: null, message_id: null, next_attempt_at: null })
    }
    expect(outboxRow(draft(), { ...deps, account: null }).message_id).toBeNull()
  })
})
