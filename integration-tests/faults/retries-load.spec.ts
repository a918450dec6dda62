/**
 * Issue 9, proofs 2 and 3 in one process: an outage of the mail server while 200 orders are
 * placed through Medusa's own workflows, and 1,000 mails against a server that refuses 30 % of
 * them with 451. Every mail arrives exactly once (no duplicate Message-ID), none stays queued.
 *
 *   npm run test:faults -- integration-tests/faults/retries-load.spec.ts
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seeded } from "../../src/modules/mailer/core/__tests__/seeded-random"
import { mailerOf, sinkAccount } from "../helpers/mailer"
import { placeOrder, seedShop, type Shop } from "../helpers/shop"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"
import { draftFor, drainEvery, drainUntil, inBatches, knexOf, report, statusCounts, useFastRetries } from "./support/outbox-drain"

jest.setTimeout(30 * 60_000)
const restoreEnv = useFastRetries()

// 200 as the issue asks; MAILER_FAULT_ORDERS lowers it on a machine too loaded to place 200 orders in time.
const ORDERS = Number(process.env.MAILER_FAULT_ORDERS ?? 200)
const MAILS = 1_000
const OUTAGE_MS = 60_000

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ getContainer }) => {
    const sink = new SmtpSink()
    let shop: Shop
    let accountId: string

    beforeAll(async () => {
      await sink.start()
      const container = getContainer()
      shop = await seedShop(container)
      accountId = (await mailerOf(container).createAccount(sinkAccount(sink))).id
    })
    afterAll(async () => {
      await sink.stop()
      restoreEnv()
    })
    beforeEach(() => sink.reset())

    async function attemptFigures(where: Record<string, unknown>) {
      const [row] = await knexOf(getContainer())("mailer_message")
        .where(where)
        .select(knexOf(getContainer()).raw("sum(attempts)::int as total, max(attempts)::int as max, min(attempts)::int as min"))
      return row as { total: number; max: number; min: number }
    }

    it(`2: the sink is down while ${ORDERS} orders are placed (≥ 60 s) → ${ORDERS} mails, each exactly once, none stuck`, async () => {
      const container = getContainer()
      const knex = knexOf(container)
      const orderMails = { event_name: "order.placed" }
      await sink.down()
      const downAt = Date.now()
      // The outbox job keeps trying during the outage (every second here, every minute in a shop).
      const stopJob = drainEvery(container, 1_000)
      let placedMs = 0
      let upAt = 0
      let jobRuns = 0
      try {
        await inBatches(ORDERS, 4, (i) =>
          placeOrder(container, shop, { email: `kunde-${i}@kunde.test`, first_name: "Kunde", last_name: `Nr. ${i}` }, { quantities: [1, 0] })
        )
        placedMs = Date.now() - downAt
        await waitFor(async () => (await knex("mailer_message").where(orderMails).count("* as n"))[0].n == ORDERS, `${ORDERS} order mails`, 5 * 60_000)
        await waitFor(() => Date.now() - downAt >= OUTAGE_MS, "the outage to last a minute", 2 * OUTAGE_MS)
      } finally {
        jobRuns = await stopJob()
        report("outage-before-up", { job_runs_while_down: jobRuns, counts: await statusCounts(knex, orderMails), attempts_while_down: await attemptFigures(orderMails) })
        await sink.up()
        upAt = Date.now()
      }
      const drained = await drainUntil(container, async () => sink.mails.length >= ORDERS && (await statusCounts(knex, orderMails)).sent === ORDERS, "every order mail is sent", { lanes: 2, limitMs: 10 * 60_000 })
      const counts = await statusCounts(knex, orderMails)
      expect(counts).toEqual({ sent: ORDERS })
      const rows = await knex("mailer_message").where(orderMails).select("message_id", "to")
      expect(new Set(rows.map((r: any) => r.message_id)).size).toBe(ORDERS)
      expect(sink.mails).toHaveLength(ORDERS)
      expect(sink.duplicateMessageIds()).toEqual([])
      expect(new Set(sink.mails.map((m) => m.messageId))).toEqual(new Set(rows.map((r: any) => r.message_id)))
      expect(new Set(sink.mails.map((m) => m.envelope.to[0])).size).toBe(ORDERS)
      report("outage-orders", {
        orders: ORDERS,
        placed_ms: placedMs,
        down_ms: upAt - downAt,
        drain_after_up_ms: drained.ms,
        attempts: await attemptFigures(orderMails),
        mails: sink.mails.length,
        duplicates: sink.duplicateMessageIds().length,
      })
    })

    it(`3: ${MAILS} mails with 30 % random 451 (seeded) → ${MAILS} accepted, 0 duplicate Message-IDs`, async () => {
      const container = getContainer()
      const knex = knexOf(container)
      const mailer = mailerOf(container)
      sink.behaviour.randomDataFailure = { rate: 0.3, random: seeded(20261203) }
      const started = Date.now()
      await inBatches(MAILS, 8, (i) => mailer.enqueueMessage(draftFor(accountId, `load-${i}`)))
      const enqueuedMs = Date.now() - started
      const drained = await drainUntil(container, async () => (await statusCounts(knex)).sent === MAILS, `${MAILS} mails are sent`, { lanes: 4, limitMs: 20 * 60_000 })
      expect(await statusCounts(knex)).toEqual({ sent: MAILS })
      expect(sink.mails).toHaveLength(MAILS)
      expect(sink.duplicateMessageIds()).toEqual([])
      expect(new Set(sink.mails.map((m) => m.messageId)).size).toBe(MAILS)
      const attempts = await attemptFigures({})
      // Every attempt was one DATA transaction at the sink: the 451s plus the accepted ones.
      expect(attempts.total).toBe(sink.transactions)
      expect(sink.transactions - MAILS).toBeGreaterThan(MAILS * 0.3)
      report("random-451", {
        mails: MAILS,
        transactions: sink.transactions,
        refused_451: sink.transactions - MAILS,
        attempts,
        enqueue_ms: enqueuedMs,
        drain_ms: drained.ms,
        duplicates: sink.duplicateMessageIds().length,
        max_open_sessions: sink.maxOpenSessions,
      })
    })
  },
})
