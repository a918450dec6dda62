/**
 * Issue 9, behaviour 1 and proof 8: no lost event. The subscriber records each event in the
 * inbox (mailer_event) before processing it; a processing failure is retried by the outbox job
 * and, when it stays, ends as a failed log row. The plugin runs inside the test's Medusa app
 * with a real SMTP sink and real PostgreSQL; orders come from Medusa's own checkout workflows.
 *
 * The fault is real: the table `store_locale`, which every mail's context load reads (the
 * store's languages) and checkout does not, is renamed for the window (ALTER TABLE, outside any
 * transaction), so Query fails with PostgreSQL's "relation does not exist" (42P01).
 *
 *   npm run test:faults -- integration-tests/faults/event-processing.spec.ts
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import mailerDrainOutbox from "../../src/jobs/mailer-drain-outbox"
import { claimDueEvent, finishEvent } from "../../src/modules/mailer/inbox/inbox-store"
import type { EventOutcome } from "../../src/modules/mailer/inbox/types"
import { eventInboxRunner } from "../../src/workflows/event-inbox-runner"
import { createAdminSession } from "../helpers/admin"
import { adminClient, type AdminClient } from "../helpers/admin-api"
import { mailerOf, messagesFor, sinkAccount } from "../helpers/mailer"
import { placeOrder, seedShop, type Shop } from "../helpers/shop"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"
import { knexOf, pause } from "./support/outbox-drain"

jest.setTimeout(5 * 60_000)

const ERIKA = { email: "erika@kunde.test", first_name: "Erika", last_name: "Mustermann" }
const FAULT_MS = 10_000

function report(name: string, figures: Record<string, unknown>): void {
  // eslint-disable-next-line no-console
  console.log(`[event-processing] ${name} ${JSON.stringify(figures)}`)
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const sink = new SmtpSink()
    let shop: Shop
    let admin: AdminClient

    beforeAll(async () => {
      await sink.start()
      const container = getContainer()
      shop = await seedShop(container)
      admin = adminClient(api, (await createAdminSession(container)).headers)
      await mailerOf(container).createAccount(sinkAccount(sink))
    })
    afterAll(async () => {
      await sink.stop()
    })
    beforeEach(() => {
      sink.reset()
      // Short event retries for the test, as a shop would set event_retry in medusa-config.ts;
      // read by the module on every run (inbox/deps.ts).
      setOptions({ event_retry: { baseDelayMs: 500, maxDelayMs: 2_000 }, lease_ms: undefined })
    })

    function setOptions(options: Record<string, unknown>) {
      Object.assign(mailerOf(getContainer()).pluginOptions as Record<string, unknown>, options)
    }

    /** The fault: the store's language table is gone until `end()`. */
    async function breakContextLoad() {
      const knex = knexOf(getContainer())
      await knex.raw(`ALTER TABLE "store_locale" RENAME TO "store_locale_offline"`)
      const started = Date.now()
      let ended = false
      return {
        started,
        end: async () => {
          if (ended) return
          ended = true
          await knex.raw(`ALTER TABLE "store_locale_offline" RENAME TO "store_locale"`)
        },
      }
    }

    async function eventsFor(resourceId: string): Promise<Record<string, any>[]> {
      return knexOf(getContainer())("mailer_event").whereRaw(`data->>'id' = ?`, [resourceId]).orderBy("received_at")
    }

    /** One run of the scheduled job's body (inbox, then outbox), as the scheduler would call it. */
    const runJob = (container: MedusaContainer) => mailerDrainOutbox(container)

    it("8: the context load fails for 10 s → the mail arrives once after recovery (one event done, one row sent)", async () => {
      const container = getContainer()
      const fault = await breakContextLoad()
      let orderId = ""
      let jobRuns = 0
      try {
        orderId = await placeOrder(container, shop, ERIKA, { locale: "de-DE" })
        const first = await waitFor(async () => {
          const [event] = await eventsFor(orderId)
          return event && event.status === "pending" ? event : null
        }, "the subscriber's first try to fail", 60_000)
        expect(first).toMatchObject({ event_name: "order.placed", attempts: 1 })
        expect(first.last_error.code).toBe("EVENT_PROCESSING_FAILED")
        expect(first.last_error.message).toContain("store_locale")
        expect(await messagesFor(container, orderId)).toHaveLength(0)
        // The outage lasts FAULT_MS from the first failed try: the job keeps trying and failing
        // (this is the fault window, not an assertion).
        const firstFailure = Date.now()
        while (Date.now() - firstFailure < FAULT_MS) {
          await runJob(container)
          jobRuns++
          await pause(250)
        }
      } finally {
        await fault.end()
      }
      const recovered = Date.now()
      const [attemptsDuringFault] = (await eventsFor(orderId)).map((e) => e.attempts)
      expect(attemptsDuringFault).toBeGreaterThanOrEqual(2)
      const done = await waitFor(async () => {
        await runJob(container)
        jobRuns++
        const [event] = await eventsFor(orderId)
        return event?.status === "done" ? event : null
      }, "the event to be processed after the fault", 120_000)

      const events = await eventsFor(orderId)
      const rows = await messagesFor(container, orderId)
      expect(events).toHaveLength(1)
      expect(done.attempts).toBeGreaterThanOrEqual(2)
      expect(done.last_error).toBeNull()
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ status: "sent", event_name: "order.placed", to: [ERIKA.email] })
      expect(done.message_ids).toEqual([rows[0].id])
      await waitFor(() => sink.mails.length >= 1, "the mail at the sink")
      // Later job runs change nothing: still one mail.
      await runJob(container)
      expect(sink.mails).toHaveLength(1)
      expect(sink.mails[0].envelope.to).toEqual([ERIKA.email])
      report("outage", {
        fault_ms: recovered - fault.started,
        attempts_in_fault: attemptsDuringFault,
        attempts_total: done.attempts,
        job_runs: jobRuns,
        ms_recovery_to_done: new Date(done.updated_at).getTime() - recovered,
        mails: sink.mails.length,
        outbox_rows: rows.length,
      })
    })

    it("a permanent failure (the order does not exist) → a failed log row with the reason, no retry, no mail", async () => {
      const container = getContainer()
      const missing = "order_01DOESNOTEXIST0000000000"
      await container.resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: missing } })
      const failed = await waitFor(async () => {
        const [event] = await eventsFor(missing)
        return event?.status === "failed" ? event : null
      }, "the event to fail", 60_000)
      expect(failed.attempts).toBe(1)
      expect(failed.last_error.code).toBe("EVENT_RESOURCE_NOT_FOUND")
      expect(failed.next_attempt_at).toBeNull()

      const rows = await messagesFor(container, missing)
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({
        status: "failed",
        event_name: "order.placed",
        resource_type: "order",
        resource_id: missing,
        error_code: "EVENT_RESOURCE_NOT_FOUND",
        idempotency_key: `event-failed:${failed.id}`,
      })
      expect(rows[0].error_message).toContain(missing)
      expect(failed.message_ids).toEqual([rows[0].id])

      // Shown in the admin's log with a sentence and hint in the merchant's language.
      const res = await admin.get(`/admin/mailer/messages/${rows[0].id}`, { "accept-language": "de" })
      expect(res.status).toBe(200)
      expect(JSON.stringify(res.data)).toContain("EVENT_RESOURCE_NOT_FOUND")
      expect(JSON.stringify(res.data)).toContain("existiert nicht")

      // The job does not take it again.
      expect(await mailerOf(container).drainEvents(eventInboxRunner(container))).toEqual([])
      expect(sink.transactions).toBe(0)
    })

    it("keeps a password reset's token only sealed in the inbox", async () => {
      const container = getContainer()
      const token = "reset-token-6c1f0b9e-not-for-the-database"
      await container.resolve(Modules.EVENT_BUS).emit({
        name: "auth.password_reset",
        data: { entity_id: "nobody@kunde.test", actor_type: "customer", token, metadata: {} },
      })
      const event = await waitFor(async () => {
        const [row] = await knexOf(container)("mailer_event").whereRaw(`data->>'entity_id' = ?`, ["nobody@kunde.test"])
        return row && row.status !== "processing" ? row : null
      }, "the reset event to be processed", 60_000)
      expect(JSON.stringify(event)).not.toContain(token)
      expect(event.data.token).toEqual({ $sealed: expect.stringMatching(/^v1:/) })
      expect(event.status).toBe("done")
    })

    it("a transient failure past the retry lifetime → failed log row; Send again mails it once the cause is gone", async () => {
      const container = getContainer()
      setOptions({ event_retry: { baseDelayMs: 300, maxDelayMs: 1_000, lifetimeMs: 3_000 } })
      const fault = await breakContextLoad()
      let orderId = ""
      let failed: Record<string, any>
      try {
        orderId = await placeOrder(container, shop, ERIKA, { locale: "de-DE" })
        failed = await waitFor(async () => {
          await mailerOf(container).drainEvents(eventInboxRunner(container))
          const [event] = await eventsFor(orderId)
          return event?.status === "failed" ? event : null
        }, "the event to give up", 60_000)
      } finally {
        await fault.end()
      }
      expect(failed.last_error.code).toBe("EVENT_PROCESSING_FAILED")
      const [row] = await messagesFor(container, orderId)
      expect(row).toMatchObject({ status: "failed", error_code: "EVENT_PROCESSING_FAILED", resource_id: orderId, to: null })
      expect(row.error_message).toContain("store_locale")
      expect(sink.transactions).toBe(0)

      const res = await admin.post(`/admin/mailer/messages/${row.id}/resend`, {})
      expect(res.status).toBe(200)
      expect(res.data.message).toMatchObject({ status: "sent" })
      expect(sink.mails).toHaveLength(1)
      expect(sink.mails[0].envelope.to).toEqual([ERIKA.email])
      expect(String(sink.mails[0].parsed.html)).toContain("Espressotasse")
      report("lifetime", { attempts: failed.attempts, lifetime_ms: 3_000 })
    })

    it("concurrent claims and drains process each event once; dead workers' claims are taken again when their lease runs out", async () => {
      const container = getContainer()
      const knex = knexOf(container)
      const ORDERS = 8
      setOptions({ event_retry: { baseDelayMs: 200, maxDelayMs: 500 } })
      const fault = await breakContextLoad()
      const orderIds: string[] = []
      let orphans: Record<string, any>[] = []
      try {
        for (let i = 0; i < ORDERS; i++) {
          orderIds.push(await placeOrder(container, shop, { ...ERIKA, email: `kunde-${i}@kunde.test` }, { locale: "de-DE" }))
        }
        await waitFor(async () => {
          const events = await Promise.all(orderIds.map(eventsFor))
          return events.every((e) => e[0]?.status === "pending")
        }, "every first try to fail", 60_000)
        const dueNow = async () =>
          knex("mailer_event").whereIn(knex.raw("data->>'id'"), orderIds)
            .whereRaw("((status = 'pending' AND next_attempt_at <= now()) OR (status = 'processing' AND lease_until < now()))")
        await waitFor(async () => (await dueNow()).length === ORDERS, "every event to be due", 30_000)
        // Workers that claim and then die: 3 claims per event at once, each event goes to one of them.
        const before = new Map((await dueNow()).map((e: Record<string, any>) => [e.id, e.attempts]))
        const claims = await Promise.all(Array.from({ length: ORDERS * 3 }, () => claimDueEvent(knex, 1_500)))
        orphans = claims.filter((c): c is NonNullable<typeof c> => c !== null)
        expect(new Set(orphans.map((o) => o.id)).size).toBe(orphans.length)
        // (the scheduled job may have taken one between the two reads; all others are ours)
        expect(orphans.length).toBeGreaterThanOrEqual(ORDERS - 1)
        for (const o of orphans) expect(o.attempts).toBe(before.get(o.id) + 1)
        await waitFor(async () => (await dueNow()).length === ORDERS, "every event to be due again (the dead workers' by their lease)", 30_000)
      } finally {
        await fault.end()
      }

      // Right after the fault: rounds of two drains at once until every event is done (the
      // scheduled job may join as a third drainer; an event it was processing while the fault
      // lasted comes back pending, due within the 500 ms cap, and a later round takes it).
      const runner = eventInboxRunner(container)
      const mailer = mailerOf(container)
      const started = Date.now()
      const rounds: EventOutcome[][][] = []
      await waitFor(async () => {
        rounds.push(await Promise.all([mailer.drainEvents(runner), mailer.drainEvents(runner)]))
        const events = (await Promise.all(orderIds.map(eventsFor))).flat()
        return events.length === ORDERS && events.every((e) => e.status === "done")
      }, "every event to be done", 60_000)
      const ms = Date.now() - started

      // In each round the two drains took different events, and no event was done twice.
      for (const [a, b] of rounds) expect(a.filter((x) => b.some((y) => y.id === x.id))).toEqual([])
      const processed = rounds.flat(2).filter((o) => o.status === "done").map((o) => o.id)
      expect(new Set(processed).size).toBe(processed.length)
      const events = (await Promise.all(orderIds.map(eventsFor))).flat()
      expect(events.every((e) => e.message_ids.length === 1)).toBe(true)
      // A dead worker's late outcome is refused: its event was claimed again since.
      for (const o of orphans) expect(await finishEvent(knex, o.id, o.attempts, { status: "done", message_ids: [] })).toBe(false)

      for (const id of orderIds) {
        const rows = await messagesFor(container, id)
        expect(rows).toHaveLength(1)
        expect(rows[0].status).toBe("sent")
      }
      expect(sink.mails).toHaveLength(ORDERS)
      const messageIds = sink.mails.map((m) => m.parsed.messageId)
      expect(new Set(messageIds).size).toBe(ORDERS)
      report("concurrent", {
        events: ORDERS,
        simultaneous_claims: ORDERS * 3,
        claimed: orphans.length,
        rounds: rounds.length,
        lane_a: rounds.reduce((n, r) => n + r[0].length, 0),
        lane_b: rounds.reduce((n, r) => n + r[1].length, 0),
        processed_by_these_drains: processed.length,
        ms,
        mails: sink.mails.length,
      })
    })
  },
})
