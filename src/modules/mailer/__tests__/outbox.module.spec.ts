import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SmtpSink } from "./support/smtp-sink"
import { MAILER_MODULE } from ".."
import { MailerAccount } from "../models/account"
import { MailerMessage } from "../models/message"
import { MailerSettings } from "../models/settings"
import { MailerStaffProfile } from "../models/staff-profile"
import { MailerTemplate } from "../models/template"
import type MailerModuleService from "../service"
import type { MessageDraft } from "../types"

jest.setTimeout(60_000)

const sink = new SmtpSink()
beforeAll(() => sink.start())
afterAll(() => sink.stop())
beforeEach(() => sink.reset())

function account(overrides: Record<string, unknown> = {}) {
  return {
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
    ...overrides,
  }
}

function draft(accountId: string, key = "order.placed:order_1:order.placed:de"): MessageDraft {
  return {
    idempotency_key: key,
    status: "queued",
    event_name: "order.placed",
    account_id: accountId,
    locale: "de",
    resource_type: "order",
    resource_id: "order_1",
    to: "kunde@example.com",
    subject: "Bestellbestätigung",
    html: "<p>Danke</p>",
    text: "Danke",
  }
}

moduleIntegrationTestRunner<MailerModuleService>({
  moduleName: MAILER_MODULE,
  resolve: "./src/modules/mailer",
  moduleModels: [MailerAccount, MailerTemplate, MailerMessage, MailerSettings, MailerStaffProfile],
  moduleOptions: { retry: { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 5_000 } },
  testSuite: ({ service }) => {
    /** Makes a waiting message due now, as if its backoff had passed. */
    async function makeDue(id: string) {
      await service.updateMailerMessages({ id, next_attempt_at: new Date(Date.now() - 1_000) })
    }

    describe("accounts", () => {
      it("stores the password encrypted, bound to the row, and hands it only to the transport", async () => {
        const created = await service.createAccount(account())
        const [row] = await service.listMailerAccounts({ id: created.id })
        expect(row.password).toMatch(/^v1:/)
        expect(row.password).not.toContain("Geheim-123")
        const { message } = await service.enqueueMessage(draft(created.id))
        await service.deliverMessage(message.id)
        expect(sink.authAttempts).toEqual([{ username: "shop", password: "Geheim-123" }])

        // A ciphertext copied onto another account does not open there: the row id is bound in.
        const other = await service.createAccount(account({ name: "Anderes Konto" }))
        await service.updateMailerAccounts({ id: other.id, password: row.password })
        const second = await service.enqueueMessage(draft(other.id, "order.placed:order_9:order.placed:de"))
        const result = await service.deliverMessage(second.message.id)
        expect(result).toMatchObject({ status: "queued", error_code: "SECRET_DECRYPT_FAILED" })
        expect(sink.authAttempts).toHaveLength(1)
      })

      it("keeps the password when omitted, clears it with null, and keeps one default", async () => {
        const first = await service.createAccount(account())
        expect(first.is_default).toBe(true) // the first account becomes the default
        const [before] = await service.listMailerAccounts({ id: first.id })
        await service.updateAccount(first.id, { name: "Umbenannt" })
        let [row] = await service.listMailerAccounts({ id: first.id })
        expect(row.password).toBe(before.password)
        await service.updateAccount(first.id, { password: "" }) // an empty form field keeps it too
        ;[row] = await service.listMailerAccounts({ id: first.id })
        expect(row.password).toBe(before.password)
        await service.updateAccount(first.id, { password: "Neu-456" })
        ;[row] = await service.listMailerAccounts({ id: first.id })
        expect(row.password).toMatch(/^v1:/)
        expect(row.password).not.toBe(before.password)
        await service.updateAccount(first.id, { password: null })
        ;[row] = await service.listMailerAccounts({ id: first.id })
        expect(row.password).toBeNull()

        const second = await service.createAccount(account({ name: "Zweites", is_default: true }))
        const defaults = await service.listMailerAccounts({ is_default: true })
        expect(defaults.map((a) => a.id)).toEqual([second.id])
      })
    })

    describe("outbox", () => {
      it("enqueues one row for concurrent duplicates of the same event", async () => {
        const { id } = await service.createAccount(account())
        const results = await Promise.all(Array.from({ length: 6 }, () => service.enqueueMessage(draft(id))))
        expect(results.filter((r) => r.created)).toHaveLength(1)
        expect(new Set(results.map((r) => r.message.id)).size).toBe(1)
        expect(await service.listMailerMessages({})).toHaveLength(1)
      })

      it("sends once when several workers deliver the same message at once", async () => {
        const { id } = await service.createAccount(account())
        const { message } = await service.enqueueMessage(draft(id))
        const results = await Promise.all(Array.from({ length: 5 }, () => service.deliverMessage(message.id)))
        expect(results.filter((r) => r.attempted)).toHaveLength(1)
        expect(sink.mails).toHaveLength(1)
        const [row] = await service.listMailerMessages({ id: message.id })
        expect(row).toMatchObject({ status: "sent", attempts: 1 })
        expect(row.message_id).toMatch(/@muster-shop\.test>$/)
      })

      it("retries 451 with growing backoff and sends exactly once on the fourth attempt", async () => {
        const { id } = await service.createAccount(account())
        sink.behaviour.dataReplies = [451, 451, 451]
        const { message } = await service.enqueueMessage(draft(id))
        const first = await service.deliverMessage(message.id)
        expect(first).toMatchObject({ status: "queued", error_code: "SMTP_TEMPORARY" })
        for (let attempt = 2; attempt <= 4; attempt++) {
          const [waiting] = await service.listMailerMessages({ id: message.id })
          expect(waiting).toMatchObject({ status: "queued", attempts: attempt - 1, smtp_response_code: 451 })
          expect(new Date(waiting.next_attempt_at as any).getTime()).toBeGreaterThan(Date.now() - 100)
          await makeDue(message.id)
          await service.drainOutbox()
        }
        const [row] = await service.listMailerMessages({ id: message.id })
        expect(row).toMatchObject({ status: "sent", attempts: 4, error_code: null })
        expect(sink.mails).toHaveLength(1)
      })

      it("gives up after the last attempt and leaves the reason in the log", async () => {
        const { id } = await service.createAccount(account())
        sink.behaviour.dataReplies = [421, 421, 421, 421, 421]
        const { message } = await service.enqueueMessage(draft(id))
        await service.deliverMessage(message.id)
        for (let i = 0; i < 3; i++) {
          await makeDue(message.id)
          await service.drainOutbox()
        }
        const [row] = await service.listMailerMessages({ id: message.id })
        expect(row).toMatchObject({ status: "failed", attempts: 4, error_code: "SMTP_TEMPORARY" })
        expect(row.error_hint).toBeTruthy()
        await makeDue(message.id)
        expect(await service.drainOutbox()).toHaveLength(0) // failed rows are never sent automatically
        expect(sink.mails).toHaveLength(0)
      })

      it("fails a rejected recipient at once, without retries", async () => {
        const { id } = await service.createAccount(account())
        sink.behaviour.rejectRecipients = ["kunde@example.com"]
        const { message } = await service.enqueueMessage(draft(id))
        await service.deliverMessage(message.id)
        const [row] = await service.listMailerMessages({ id: message.id })
        expect(row).toMatchObject({ status: "failed", attempts: 1, error_code: "SMTP_RECIPIENT_REJECTED", smtp_response_code: 550 })
      })

      it("pauses the account on 535 and resumes its mail when the password is fixed", async () => {
        const { id } = await service.createAccount(account())
        sink.behaviour.rejectAuth = true
        const { message } = await service.enqueueMessage(draft(id))
        await service.deliverMessage(message.id)
        let [row] = await service.listMailerMessages({ id: message.id })
        expect(row).toMatchObject({ status: "queued", next_attempt_at: null, error_code: "SMTP_AUTH" })
        expect((await service.retrieveMailerAccount(id)).status).toBe("auth_failed")
        expect(await service.drainOutbox()).toHaveLength(0)

        // A second mail for the paused account is held back without an SMTP attempt.
        const other = await service.enqueueMessage(draft(id, "order.placed:order_2:order.placed:de"))
        const held = await service.deliverMessage(other.message.id)
        expect(held).toMatchObject({ status: "queued", attempted: false, error_code: "ACCOUNT_PAUSED" })
        expect(sink.authAttempts).toHaveLength(1)

        sink.behaviour.rejectAuth = false
        await service.updateAccount(id, { password: "Neues-Passwort-1" })
        const delivered = await service.drainOutbox()
        expect(delivered.map((r) => r.status).sort()).toEqual(["sent", "sent"])
        ;[row] = await service.listMailerMessages({ id: message.id })
        expect(row.status).toBe("sent")
        expect(sink.authAttempts.at(-1)?.password).toBe("Neues-Passwort-1")
        expect((await service.retrieveMailerAccount(id)).status).toBe("ok")
      })

      it("takes over a message whose worker died while sending, once its lease ran out", async () => {
        const { id } = await service.createAccount(account())
        const { message } = await service.enqueueMessage(draft(id))
        await service.updateMailerMessages({ id: message.id, status: "sending", lease_until: new Date(Date.now() + 60_000) })
        expect(await service.drainOutbox()).toHaveLength(0) // still leased by the other worker
        await service.updateMailerMessages({ id: message.id, lease_until: new Date(Date.now() - 1_000) })
        const [result] = await service.drainOutbox()
        expect(result).toMatchObject({ row_id: message.id, status: "sent" })
        expect(sink.mails).toHaveLength(1)
      })

      it("deletes finished log rows past the retention and keeps the rest", async () => {
        await service.updateSettings({ log_retention_days: 30 })
        const old = new Date(Date.now() - 31 * 24 * 3600 * 1000)
        const make = async (key: string, status: string, created_at: Date) => {
          const { message } = await service.enqueueMessage({ ...draft("macc_x", key) })
          await service.updateMailerMessages({ id: message.id, status: status as any, created_at })
          return message.id
        }
        const oldSent = await make("k1", "sent", old)
        const oldFailed = await make("k2", "failed", old)
        const oldQueued = await make("k3", "queued", old)
        const recentSent = await make("k4", "sent", new Date())
        expect(await service.purgeExpiredMessages()).toBe(2)
        const left = (await service.listMailerMessages({})).map((m) => m.id).sort()
        expect(left).toEqual([oldQueued, recentSent].sort())
        expect(left).not.toContain(oldSent)
        expect(left).not.toContain(oldFailed)
      })

      it("records a failure without an account and never connects", async () => {
        const { message } = await service.enqueueMessage({ ...draft("macc_missing") })
        const result = await service.deliverMessage(message.id)
        expect(result).toMatchObject({ status: "failed", error_code: "NO_ACCOUNT", attempted: false })
        expect(sink.authAttempts).toHaveLength(0)
      })
    })
  },
})
