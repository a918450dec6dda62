import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SmtpSink } from "./support/smtp-sink"
import { MAILER_MODULE } from ".."
import { ONE_TIME_LINK_PLACEHOLDER } from "../core/one-time-link"
import { MailerAccount } from "../models/account"
import { MailerMessage } from "../models/message"
import { MailerSettings } from "../models/settings"
import { MailerStaffProfile } from "../models/staff-profile"
import { MailerTemplate } from "../models/template"
import type MailerModuleService from "../service"
import type { MessageDraft } from "../types"

jest.setTimeout(60_000)

/**
 * What the outbox settles when a row is written (recipients, test mode, one-time links, the
 * hourly cap) and that delivery keeps to it, against a real SMTP server.
 */
const sink = new SmtpSink()
beforeAll(() => sink.start())
afterAll(() => sink.stop())
beforeEach(() => sink.reset())

const LINK = "https://shop.test/reset-password?token=GEHEIMES.TOKEN.xyz&email=erika%40kunde.test"

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

let serial = 0
function orderDraft(accountId: string, to: MessageDraft["to"]): MessageDraft {
  serial += 1
  return {
    idempotency_key: `order.placed:order_${serial}:order.placed:de`,
    status: "queued",
    event_name: "order.placed",
    account_id: accountId,
    locale: "de",
    resource_type: "order",
    resource_id: `order_${serial}`,
    to,
    subject: "Bestellbestätigung",
    html: "<p>Danke</p>",
    text: "Danke",
  }
}

function resetDraft(accountId: string, to: string): MessageDraft {
  serial += 1
  return {
    idempotency_key: `auth.password_reset.customer:cus_1/tok${serial}:auth.password_reset.customer:de`,
    status: "queued",
    event_name: "auth.password_reset.customer",
    account_id: accountId,
    locale: "de",
    resource_type: "customer",
    resource_id: "cus_1",
    to,
    subject: "Passwort zurücksetzen",
    html: `<p><a href="${ONE_TIME_LINK_PLACEHOLDER}">Neues Passwort</a></p>`,
    text: `Neues Passwort: ${ONE_TIME_LINK_PLACEHOLDER}`,
    one_time_link: LINK,
  }
}

moduleIntegrationTestRunner<MailerModuleService>({
  moduleName: MAILER_MODULE,
  resolve: "./src/modules/mailer",
  moduleModels: [MailerAccount, MailerTemplate, MailerMessage, MailerSettings, MailerStaffProfile],
  moduleOptions: { one_time_link_limit_per_hour: 3 },
  testSuite: ({ service }) => {
    async function rowOf(id: string) {
      const [row] = await service.listMailerMessages({ id })
      return row as Record<string, any>
    }

    describe("recipients", () => {
      it("writes a list, a display name or a CR/LF header as a failed row and never connects", async () => {
        const { id } = await service.createAccount(account())
        for (const hostile of ["a@x.test, b@y.test", "Name <evil@attacker.test>", "victim@example.com\r\nBcc: evil@attacker.test"]) {
          const { message } = await service.enqueueMessage(orderDraft(id, hostile))
          expect(message).toMatchObject({ status: "failed", error_code: "RECIPIENT_INVALID", next_attempt_at: null, to: [hostile] })
          expect(await service.deliverMessage(message.id)).toMatchObject({ attempted: false })
        }
        expect(sink.mails).toHaveLength(0)
      })

      it("stores a valid recipient as a one-element array with an ASCII domain", async () => {
        const { id } = await service.createAccount(account({ cc_1: "buchhaltung@muster-shop.test" }))
        const { message } = await service.enqueueMessage({ ...orderDraft(id, " info@Müller-Shop.de "), cc: ["buchhaltung@muster-shop.test"] })
        expect(message).toMatchObject({ status: "queued", to: ["info@xn--mller-shop-9db.de"], cc: ["buchhaltung@muster-shop.test"] })
        await service.deliverMessage(message.id)
        // smtp-server reports the punycode domain decoded; RCPT TO carried the ASCII form
        expect(sink.mails.map((m) => m.envelope.to)).toEqual([["info@müller-shop.de", "buchhaltung@muster-shop.test"]])
      })

      it("refuses at delivery a row that holds a list from before the check", async () => {
        const { id } = await service.createAccount(account())
        const [legacy] = await service.createMailerMessages([
          { ...orderDraft(id, null), to: ["a@x.test, b@y.test"], next_attempt_at: new Date() } as any,
        ])
        expect(await service.deliverMessage(legacy.id)).toMatchObject({ status: "failed", error_code: "RECIPIENT_INVALID" })
        expect(sink.mails).toHaveLength(0)
      })
    })

    describe("test mode recorded on the row", () => {
      it("keeps a mail created in test mode a test mail after test mode is switched off", async () => {
        const { id } = await service.createAccount(account({ test_mode: true, test_recipient: "pruefung@muster-shop.test" }))
        const { message } = await service.enqueueMessage(orderDraft(id, "erika@kunde.test"))
        expect(message).toMatchObject({ test_mode: true, test_recipient: "pruefung@muster-shop.test" })
        await service.updateAccount(id, { test_mode: false, test_recipient: null })
        await service.deliverMessage(message.id)
        expect(sink.mails.map((m) => m.envelope.to)).toEqual([["pruefung@muster-shop.test"]])
        expect(await rowOf(message.id)).toMatchObject({ status: "sent", test_mode: true, to: ["erika@kunde.test"] })
      })

      it("keeps a mail created live a live mail after test mode is switched on", async () => {
        const { id } = await service.createAccount(account())
        const { message } = await service.enqueueMessage(orderDraft(id, "erika@kunde.test"))
        await service.updateAccount(id, { test_mode: true })
        await service.deliverMessage(message.id)
        expect(sink.mails.map((m) => m.envelope.to)).toEqual([["erika@kunde.test"]])
        expect(await rowOf(message.id)).toMatchObject({ test_mode: false })
      })
    })

    describe("one-time links", () => {
      it("keeps the link out of the stored body while the mail waits, and puts it in when sent", async () => {
        const { id } = await service.createAccount(account())
        await service.updateMailerAccounts({ id, status: "auth_failed" })
        const { message } = await service.enqueueMessage(resetDraft(id, "erika@kunde.test"))
        await service.deliverMessage(message.id)

        const waiting = await rowOf(message.id)
        expect(waiting).toMatchObject({ status: "queued", error_code: "ACCOUNT_PAUSED" })
        expect(JSON.stringify(waiting)).not.toContain("GEHEIMES")
        expect(waiting.html).toContain(ONE_TIME_LINK_PLACEHOLDER)
        expect(waiting.one_time_link).toMatch(/^v1:/)

        await service.markAccountVerified(id)
        await service.drainOutbox()
        expect(sink.mails).toHaveLength(1)
        expect(sink.mails[0].parsed.text).toContain(LINK)
        expect(String(sink.mails[0].parsed.html)).toContain(`href="${LINK.replace("&", "&amp;")}"`)
        const sent = await rowOf(message.id)
        expect(sent).toMatchObject({ status: "sent", one_time_link: null })
        expect(JSON.stringify(sent)).not.toContain("GEHEIMES")
      })

      it("fails a mail whose sealed link cannot be opened instead of sending the placeholder", async () => {
        const { id } = await service.createAccount(account())
        const { message } = await service.enqueueMessage(resetDraft(id, "erika@kunde.test"))
        // one character of the ciphertext changed (as after a key change): AES-GCM refuses to open it
        const sealed = (await rowOf(message.id)).one_time_link as string
        await service.updateMailerMessages({ id: message.id, one_time_link: sealed.replace(/.$/, (c) => (c === "A" ? "B" : "A")) })
        expect(await service.deliverMessage(message.id)).toMatchObject({ status: "failed", error_code: "ONE_TIME_LINK_UNAVAILABLE", attempted: false })
        expect(sink.mails).toHaveLength(0)
        expect(await rowOf(message.id)).toMatchObject({ one_time_link: null })
        expect((await rowOf(message.id)).html).not.toContain(ONE_TIME_LINK_PLACEHOLDER)
      })

      it("skips the mails above the hourly cap per recipient, also with another spelling", async () => {
        const { id } = await service.createAccount(account())
        const spellings = ["anna@kunde.test", "Anna@Kunde.test", "anna@KUNDE.test", "ANNA@kunde.test"]
        const rows = []
        for (const to of spellings) rows.push((await service.enqueueMessage(resetDraft(id, to))).message)
        expect(rows.map((r) => r.status)).toEqual(["queued", "queued", "queued", "skipped"])
        expect(rows[3]).toMatchObject({ skip_reason: "ONE_TIME_LINK_LIMIT", one_time_link: null })
        expect(rows[3].html).not.toContain(ONE_TIME_LINK_PLACEHOLDER)
        // another address has its own budget
        expect((await service.enqueueMessage(resetDraft(id, "max@kunde.test"))).message.status).toBe("queued")
      })

      it("holds the cap for concurrent requests", async () => {
        const { id } = await service.createAccount(account())
        const results = await Promise.all(Array.from({ length: 8 }, () => service.enqueueMessage(resetDraft(id, "flut@kunde.test"))))
        const statuses = results.map((r) => r.message.status)
        expect(statuses.filter((s) => s === "queued")).toHaveLength(3)
        expect(statuses.filter((s) => s === "skipped")).toHaveLength(5)
      })
    })
  },
})
