import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ModulesSdkUtils } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SmtpSink, waitFor } from "./support/smtp-sink"
import { MAILER_MODULE } from ".."
import { retryPolicyFrom } from "../core/backoff"
import { dayStart, nextDayStart, QUOTA_JITTER_MS } from "../core/send-window"
import { deliverMessage, type DeliveryDeps } from "../delivery/deliver"
import { deliverDueMessages, deliveryDeps, transportCacheFor } from "../delivery/delivery-deps"
import { countToday, sentTodayByAccount } from "../delivery/send-allowance"
import type { TransportCache } from "../delivery/transport-cache"
import { secretBoxFromOptions } from "../lib/secrets"
import type MailerModuleService from "../service"
import type { DeliveryResult, MessageDraft } from "../types"

jest.setTimeout(180_000)

const TIME_ZONE = "Europe/Berlin"

// Starts as the sink sees them (MAIL FROM), reported next to the rows' figures.
const sinkStarts: number[] = []
const sink = new SmtpSink()
beforeAll(() =>
  sink.start({
    onMailFrom: (_address, _session, callback) => {
      sinkStarts.push(Date.now())
      callback()
    },
  })
)
afterAll(() => sink.stop())
beforeEach(() => {
  sink.reset()
  sinkStarts.length = 0
})

function account(overrides: Record<string, unknown> = {}) {
  return {
    name: "Shop",
    sender_name: "Shop",
    sender_email: "shop@muster-shop.test",
    host: "127.0.0.1",
    port: sink.port,
    security: "none" as const,
    auth_required: false,
    test_mode: false,
    ...overrides,
  }
}

function draft(accountId: string, n: number): MessageDraft {
  return {
    idempotency_key: `order.placed:order_${n}:order.placed:de`,
    status: "queued",
    event_name: "order.placed",
    account_id: accountId,
    locale: "de",
    resource_type: "order",
    resource_id: `order_${n}`,
    to: `kunde${n}@example.com`,
    subject: `Bestellung ${n}`,
    html: "<p>Danke</p>",
    text: "Danke",
  }
}

function tally(results: DeliveryResult[]) {
  const counts: Record<string, number> = {}
  for (const r of results) counts[`${r.status}/${r.error_code ?? "-"}/${r.attempted}`] = (counts[`${r.status}/${r.error_code ?? "-"}/${r.attempted}`] ?? 0) + 1
  return counts
}

/** Most starts in any closed window of `windowMs` (each start opens one). */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let max = 0
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j] < sorted[i] - windowMs) j++
    max = Math.max(max, i - j + 1)
  }
  return max
}

moduleIntegrationTestRunner<MailerModuleService>({
  moduleName: MAILER_MODULE,
  resolve: "./src/modules/mailer",
  moduleOptions: { quota_time_zone: TIME_ZONE },
  testSuite: ({ service, dbConfig }) => {
    // A second, independent delivery worker: its own connection pool and its own SMTP pool
    // on the same database, as a second process would have.
    let otherKnex: Knex
    let otherTransports: TransportCache
    let other: DeliveryDeps
    beforeEach(() => {
      otherKnex = ModulesSdkUtils.createPgConnection({ clientUrl: dbConfig.clientUrl, schema: dbConfig.schema }) as unknown as Knex
      otherTransports = transportCacheFor()
      other = {
        ...deliveryDeps(otherKnex, { transports: otherTransports, secrets: secretBoxFromOptions({}), retry: retryPolicyFrom({}) }),
        quotaTimeZone: TIME_ZONE,
      }
    })
    afterEach(async () => {
      otherTransports.closeAll()
      await otherKnex.destroy()
    })

    async function enqueue(accountId: string, count: number): Promise<string[]> {
      const ids: string[] = []
      for (let n = 1; n <= count; n++) ids.push((await service.enqueueMessage(draft(accountId, n))).message.id)
      return ids
    }

    async function statusCounts() {
      const rows = await service.listMailerMessages({}, { take: 1000 })
      const counts: Record<string, number> = {}
      for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1
      return { rows, counts }
    }

    /** Drains until a run finds nothing due and nothing is being sent (bounded). */
    async function drainLoop(drain: () => Promise<DeliveryResult[]>) {
      await waitFor(async () => {
        const results = await drain()
        return results.length === 0 && !(await statusCounts()).counts.sending
      }, "the outbox to be drained", 120_000)
    }

    it("daily quota 50, 80 mails, two workers at once: 50 sent today, 30 wait for tomorrow with the reason", async () => {
      const { id } = await service.createAccount(account({ daily_quota: 50 }))
      await enqueue(id, 80)
      const started = Date.now()
      await Promise.all([drainLoop(() => service.drainOutbox()), drainLoop(() => deliverDueMessages(other, 50))])
      const drainMs = Date.now() - started

      expect(sink.mails).toHaveLength(50)
      expect(sink.duplicateMessageIds()).toEqual([])
      const { rows, counts } = await statusCounts()
      expect(counts).toEqual({ sent: 50, queued: 30 })
      const now = new Date()
      const today = dayStart(now, TIME_ZONE)
      const tomorrow = nextDayStart(now, TIME_ZONE).getTime()
      for (const row of rows.filter((r) => r.status === "sent")) {
        expect(new Date(row.attempted_at as any).getTime()).toBeGreaterThanOrEqual(today.getTime())
      }
      for (const row of rows.filter((r) => r.status === "queued")) {
        expect(row).toMatchObject({ error_code: "DAILY_QUOTA_REACHED", attempts: 0 })
        expect(row.error_message).toContain("at most 50 mails a day")
        expect(row.error_hint).toContain(TIME_ZONE)
        const due = new Date(row.next_attempt_at as any).getTime()
        expect(due).toBeGreaterThanOrEqual(tomorrow)
        expect(due).toBeLessThanOrEqual(tomorrow + QUOTA_JITTER_MS)
        // the wait moves the retry lifetime on instead of eating it
        expect(new Date(row.give_up_at as any).getTime()).toBeGreaterThan(due)
      }
      expect(await countToday(otherKnex, id, null, today)).toBe(50)
      // the admin's "50 of 50 today": one grouped query for a list of accounts
      const usage = await sentTodayByAccount(otherKnex, [id, "macc_without_mail"], today)
      expect([...usage]).toEqual([[id, 50]])
      console.log(`quota: 80 mails, 2 workers → ${counts.sent} sent, ${counts.queued} waiting, sink ${sink.mails.length}, ${drainMs} ms`)

      // The next run sends nothing more today.
      expect(await service.drainOutbox()).toEqual([])
      expect(sink.mails).toHaveLength(50)
    })

    it("the last free slot goes to one worker only: quota 1, the same 5 mails delivered from two workers at once", async () => {
      const { id } = await service.createAccount(account({ daily_quota: 1 }))
      const ids = await enqueue(id, 5)
      await Promise.all(ids.flatMap((rowId) => [service.deliverMessage(rowId), deliverMessage(other, rowId)]))
      expect(sink.mails).toHaveLength(1)
      const { counts } = await statusCounts()
      expect(counts).toEqual({ sent: 1, queued: 4 })
    })

    it("rate 10 per 1000 ms, a burst from two workers: never more than 10 starts in a second, drained without the outbox job", async () => {
      const { id } = await service.createAccount(account({ rate_limit_messages: 10, rate_limit_pause_ms: 1000 }))
      const ids = await enqueue(id, 60)
      const started = Date.now()
      // As the event path does: each mail delivered right after it is written, here by both
      // workers at once. No drain loop: rows held for a later slot come back by their timer.
      const first = await Promise.all(ids.flatMap((rowId) => [service.deliverMessage(rowId), deliverMessage(other, rowId)]))
      const firstMs = Date.now() - started
      const requeued = first.filter((r) => r.error_code === "RATE_LIMIT_REACHED").length
      await waitFor(async () => (await statusCounts()).counts.sent === 60 && true, "all 60 mails to be sent", 120_000)
      const drainMs = Date.now() - started

      expect(sink.mails).toHaveLength(60)
      expect(sink.duplicateMessageIds()).toEqual([])
      const { rows } = await statusCounts()
      const grants = rows.map((r) => new Date(r.attempted_at as any).getTime())
      expect(maxInWindow(grants, 1000)).toBeLessThanOrEqual(10)
      // 60 starts at 10 per second need at least 5 further windows after the first
      expect(Math.max(...grants) - Math.min(...grants)).toBeGreaterThanOrEqual(5000)
      console.log(
        `rate: 60 mails, 2 workers → drained in ${drainMs} ms (first calls returned after ${firstMs} ms), ` +
          `${requeued} requeued for a later slot, results ${JSON.stringify(tally(first))}, ` +
          `max starts per 1 s window: rows ${maxInWindow(grants, 1000)}, sink ${maxInWindow(sinkStarts, 1000)}`
      )
      // rows held longer than the in-process wait went back to the queue and came back by timer
      expect(requeued).toBeGreaterThan(0)
      for (const row of rows) expect(row).toMatchObject({ attempts: 1, error_code: null })
    })
  },
})
