import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SmtpSink, waitFor } from "./support/smtp-sink"
import { MAILER_MODULE } from ".."
import { DELIVERY_CONCURRENCY } from "../delivery/delivery-deps"
import type MailerModuleService from "../service"
import type { MessageDraft } from "../types"

jest.setTimeout(120_000)

/**
 * The outbox run sends several mails at once (issue 10, P2): due rows are read
 * in one batch and delivered DELIVERY_CONCURRENCY at a time through the
 * account's pool. Concurrency must not cost exactly-once: two runs over the
 * same rows at the same moment send each row once.
 */
const sink = new SmtpSink()
beforeAll(() => sink.start())
afterAll(() => sink.stop())
beforeEach(() => sink.reset())

const account = () => ({
  name: "Shop",
  sender_name: "Shop",
  sender_email: "shop@muster-shop.test",
  host: "127.0.0.1",
  port: sink.port,
  security: "none" as const,
  auth_required: true,
  username: "shop",
  password: "Geheim-123",
  test_mode: false,
})

const draft = (accountId: string, i: number): MessageDraft => ({
  idempotency_key: `order.placed:order_${i}:order.placed:de`,
  status: "queued",
  event_name: "order.placed",
  account_id: accountId,
  locale: "de",
  resource_type: "order",
  resource_id: `order_${i}`,
  to: `kunde${i}@example.com`,
  subject: `Bestellbestätigung ${i}`,
  html: `<p>Danke ${i}</p>`,
  text: `Danke ${i}`,
})

moduleIntegrationTestRunner<MailerModuleService>({
  moduleName: MAILER_MODULE,
  resolve: "./src/modules/mailer",
  testSuite: ({ service }) => {
    async function queue(count: number): Promise<string[]> {
      const { id } = await service.createAccount(account())
      const ids: string[] = []
      for (let i = 0; i < count; i++) ids.push((await service.enqueueMessage(draft(id, i))).message.id)
      await service.updateMailerMessages(ids.map((mid) => ({ id: mid, next_attempt_at: new Date(Date.now() - 1_000) })))
      return ids
    }

    it("sends a batch over the account's whole pool, every row once", async () => {
      expect(DELIVERY_CONCURRENCY).toBeGreaterThan(1)
      const ids = await queue(24)
      const results = await service.drainOutbox(24)
      expect(results.map((r) => r.status)).toEqual(ids.map(() => "sent"))
      expect(results.map((r) => r.row_id).sort()).toEqual([...ids].sort())
      expect(sink.mails).toHaveLength(24)
      expect(sink.duplicateMessageIds()).toEqual([])
      // More than one connection in use at once (sequential sends use one), never more than the pool's two.
      expect(sink.maxOpenSessions).toBe(2)
      const rows = await service.listMailerMessages({ id: ids })
      expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true)
    })

    it("sends each row once when two outbox runs take the same batch at the same moment", async () => {
      const ids = await queue(30)
      const [a, b] = await Promise.all([service.drainOutbox(30), service.drainOutbox(30)])
      const attempted = [...a, ...b].filter((r) => r.attempted).map((r) => r.row_id)
      expect(attempted.sort()).toEqual([...ids].sort())
      await waitFor(() => sink.mails.length >= 30, "30 mails at the sink")
      expect(sink.mails).toHaveLength(30)
      expect(sink.duplicateMessageIds()).toEqual([])
    })

    it("still delivers the other rows when one row cannot be sent", async () => {
      const ids = await queue(6)
      sink.behaviour = { rejectRecipients: ["kunde3@example.com"] }
      const results = await service.drainOutbox(6)
      const statusOf = new Map(results.map((r) => [r.row_id, r.status]))
      expect(ids.map((id) => statusOf.get(id))).toEqual(ids.map((_, i) => (i === 3 ? "failed" : "sent")))
      expect(sink.mails).toHaveLength(5)
    })
  },
})
