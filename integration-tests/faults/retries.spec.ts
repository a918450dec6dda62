/**
 * Issue 9, behaviours 2, 6 and 7 in one process (proofs 1 and 6 of the issue, lifetime expiry,
 * "Retry now", the stable Message-ID): the plugin in the test's Medusa app, a real SMTP sink,
 * real PostgreSQL; retries driven by drainOutbox() with a 200 ms retry base.
 *
 *   npm run test:faults -- integration-tests/faults/retries.spec.ts
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { retryCeilingMs } from "../../src/modules/mailer/core/backoff"
import { describeError, PAUSED_ACCOUNT_STATUSES } from "../../src/modules/mailer/core/errors"
import { createAdminSession } from "../helpers/admin"
import { adminClient, type AdminClient } from "../helpers/admin-api"
import { mailerOf, sinkAccount } from "../helpers/mailer"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"
import { draftFor, drainUntil, knexOf, report, TEST_POLICY, useFastRetries } from "./support/outbox-drain"

jest.setTimeout(5 * 60_000)
const restoreEnv = useFastRetries()

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const sink = new SmtpSink()
    let admin: AdminClient
    let accountId: string
    const row = (id: string) => mailerOf(getContainer()).retrieveMailerMessage(id) as Promise<Record<string, any>>

    beforeAll(async () => {
      await sink.start()
      const container = getContainer()
      admin = adminClient(api, (await createAdminSession(container)).headers)
      accountId = (await mailerOf(container).createAccount(sinkAccount(sink))).id
    })
    afterAll(async () => {
      await sink.stop()
      restoreEnv()
    })
    beforeEach(() => sink.reset())

    async function enqueue(key: string) {
      return (await mailerOf(getContainer()).enqueueMessage(draftFor(accountId, key))).message.id as string
    }

    it("1: 451 three times then 250 → one mail, attempts 4, delays under growing ceilings", async () => {
      sink.behaviour.dataReplies = [451, 451, 451]
      const id = await enqueue("p1")
      const schedule: { attempt: number; delay_ms: number; ceiling_ms: number }[] = []
      const started = Date.now()
      const mailer = mailerOf(getContainer())
      await mailer.deliverMessage(id)
      // Step by step: each waiting state is read before the retry, so none is missed.
      for (let current = await row(id); current.status === "queued"; current = await row(id)) {
        const due = new Date(current.next_attempt_at).getTime()
        schedule.push({ attempt: current.attempts, delay_ms: due - new Date(current.updated_at).getTime(), ceiling_ms: retryCeilingMs(current.attempts, TEST_POLICY) })
        const before = current.attempts
        await waitFor(async () => {
          if (Date.now() >= due) await mailer.drainOutbox()
          return (await row(id)).attempts > before
        }, `attempt ${before + 1}`)
      }
      const sent = await row(id)
      expect(sent).toMatchObject({ status: "sent", attempts: 4, error_code: null })
      expect(sink.transactions).toBe(4)
      expect(sink.mails).toHaveLength(1)
      expect(sink.mails[0].messageId).toBe(sent.message_id)
      expect(schedule.map((s) => s.ceiling_ms)).toEqual([200, 400, 800])
      // next_attempt_at is computed in the process, updated_at by the database: 50 ms of slack
      for (const s of schedule) expect(s.delay_ms).toBeLessThanOrEqual(s.ceiling_ms + 50)
      report("451x3", { attempts: sent.attempts, transactions: sink.transactions, schedule, total_ms: Date.now() - started })
    })

    it("stable Message-ID (issue 7): a connection dropped after DATA and a changed sender → the same Message-ID twice, on the first sender's domain", async () => {
      sink.behaviour.dropAfterData = 1
      const id = await enqueue("drop")
      const first = await mailerOf(getContainer()).deliverMessage(id)
      expect(first).toMatchObject({ status: "queued", attempted: true })
      await mailerOf(getContainer()).updateAccount(accountId, { sender_email: "info@neuer-shop.test" })
      await drainUntil(getContainer(), async () => (await row(id)).status === "sent", "the retry is sent")
      const sent = await row(id)
      expect(sent.attempts).toBe(2)
      expect(sent.message_id).toMatch(/^<mmsg_[A-Za-z0-9]+@muster-shop\.test>$/)
      expect(sink.mails.map((m) => m.messageId)).toEqual([sent.message_id, sent.message_id])
      expect(sink.mails.map((m) => Boolean(m.dropped))).toEqual([true, false])
      expect(sink.duplicateMessageIds()).toEqual([sent.message_id])
      expect(sink.mails[1].parsed.from?.value[0].address).toBe("info@neuer-shop.test")
      report("drop-after-data", { copies: sink.mails.length, message_ids: new Set(sink.mails.map((m) => m.messageId)).size })
    })

    it("lifetime over → failed with the last error's code and the give-up hint; the last retry at the give-up time at the latest", async () => {
      sink.behaviour.randomDataFailure = { rate: 1 }
      const id = await enqueue("expiry")
      // The retry period of this row: 3 s instead of 3 days (the column is what delivery reads).
      await knexOf(getContainer())("mailer_message").where({ id }).update({ give_up_at: new Date(Date.now() + 3_000) })
      const giveUp = new Date((await row(id)).give_up_at).getTime()
      const planned: number[] = []
      await drainUntil(getContainer(), async () => {
        const current = await row(id)
        if (current.next_attempt_at) planned.push(new Date(current.next_attempt_at).getTime())
        return current.status === "failed"
      }, "the row gives up")
      const failed = await row(id)
      expect(failed).toMatchObject({ status: "failed", error_code: "SMTP_TEMPORARY", smtp_response_code: 451, next_attempt_at: null })
      expect(failed.attempts).toBeGreaterThanOrEqual(3)
      expect(Math.max(...planned)).toBeLessThanOrEqual(giveUp)
      expect(failed.error_hint).toMatch(new RegExp(`^Gave up after \\d+ seconds? and ${failed.attempts} attempts: `))
      expect(sink.mails).toHaveLength(0)

      const german = await admin.get(`/admin/mailer/messages/${id}`, { "accept-language": "de" })
      expect(german.data.message.error).toMatchObject({
        code: "SMTP_TEMPORARY",
        message: describeError("SMTP_TEMPORARY", "de").message,
        hint: expect.stringMatching(new RegExp(`^Nach \\d+ Sekunden? und ${failed.attempts} Versuchen aufgegeben: `)),
      })
      report("lifetime-expiry", { attempts: failed.attempts, last_planned_before_give_up_ms: giveUp - Math.max(...planned), hint: failed.error_hint })

      // Retry now on the failed row: queued again with a fresh lifetime, sent at once, same row and Message-ID.
      sink.behaviour = {}
      const retried = await admin.post(`/admin/mailer/messages/${id}/retry`)
      expect(retried.status).toBe(200)
      expect(retried.data.message).toMatchObject({ id, status: "sent", attempts: failed.attempts + 1, message_id: failed.message_id, error: null })
      expect(new Date(retried.data.message.give_up_at).getTime()).toBeGreaterThan(Date.now() + 2 * 24 * 3_600_000)
      expect(sink.mails.map((m) => m.messageId)).toEqual([failed.message_id])
    })

    it("retry now: a waiting row goes out at once; sent and skipped rows → 409 with the reason and 'Send again'", async () => {
      sink.behaviour.dataReplies = [451]
      const id = await enqueue("now")
      await mailerOf(getContainer()).deliverMessage(id)
      expect(await row(id)).toMatchObject({ status: "queued", attempts: 1 })
      const retried = await admin.post(`/admin/mailer/messages/${id}/retry`)
      expect(retried.data.message).toMatchObject({ id, status: "sent", attempts: 2 })
      expect(sink.mails).toHaveLength(1)

      for (const lang of ["en", "de"] as const) {
        const again = await admin.post(`/admin/mailer/messages/${id}/retry`, {}, { "accept-language": lang })
        expect(again.status).toBe(409)
        expect(again.data).toEqual({
          type: "conflict",
          code: "RETRY_NOT_POSSIBLE",
          message: describeError("RETRY_NOT_POSSIBLE", lang).message,
          hint: describeError("RETRY_NOT_POSSIBLE", lang).hint,
        })
      }
      const skipped = (await mailerOf(getContainer()).enqueueMessage(draftFor(accountId, "skip", { status: "skipped", skip_reason: "DISABLED" }))).message
      expect((await admin.post(`/admin/mailer/messages/${skipped.id}/retry`)).status).toBe(409)
      expect((await admin.post("/admin/mailer/messages/mmsg_missing/retry")).status).toBe(404)
      expect(sink.mails).toHaveLength(1)
    })

    it("6: verify during an outage does not pause the account; the queued mail goes out when the sink is back", async () => {
      const before = (await mailerOf(getContainer()).retrieveMailerAccount(accountId)).status
      await sink.down()
      let verify
      let id: string
      try {
        verify = await admin.post(`/admin/mailer/accounts/${accountId}/verify`)
        id = await enqueue("outage")
        expect(await mailerOf(getContainer()).deliverMessage(id)).toMatchObject({ status: "queued", error_code: "SMTP_CONNECTION" })
      } finally {
        await sink.up()
      }
      expect(verify.data).toMatchObject({ ok: false, code: "SMTP_CONNECTION", account: { id: accountId, status: before } })
      expect(PAUSED_ACCOUNT_STATUSES.has(verify.data.account.status)).toBe(false)
      const account = await mailerOf(getContainer()).retrieveMailerAccount(accountId)
      expect(account.last_error).toMatch(/^SMTP_CONNECTION: /)
      expect((await row(id!)).next_attempt_at).not.toBeNull() // waiting for a retry, not paused

      const drained = await drainUntil(getContainer(), async () => (await row(id!)).status === "sent", "the mail is sent after the outage")
      expect(sink.mails).toHaveLength(1)
      expect((await mailerOf(getContainer()).retrieveMailerAccount(accountId)).status).toBe("ok")

      // A refused login still pauses: only authentication, TLS and configuration errors do.
      sink.behaviour.rejectAuth = true
      const denied = await admin.post(`/admin/mailer/accounts/${accountId}/verify`)
      expect(denied.data).toMatchObject({ ok: false, code: "SMTP_AUTH", account: { status: "auth_failed" } })
      report("verify-outage", { status_before: before, status_after_verify: verify.data.account.status, drain_ms: drained.ms })
    })
  },
})
