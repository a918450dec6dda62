import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminSession } from "../helpers/admin"
import { settledMessage, settledMessages, sinkMailOf } from "../helpers/event-mail"
import { mailerOf, messagesFor, sinkAccount } from "../helpers/mailer"
import { placeOrder, seedShop, type Shop } from "../helpers/shop"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"

jest.setTimeout(240_000)

const STOREFRONT = "https://shop.muster.test"
const RESET_EVENT = "auth.password_reset.customer"
const SHOP_ADDRESS = "shop@muster-shop.test"

/**
 * Security issue 8 through the real pipeline: Medusa's own auth routes and order workflows with
 * hostile e-mail "addresses", the plugin's subscriber and outbox, a real SMTP server recording
 * RCPT TO. Every mail either reaches exactly its one validated recipient or is not sent at all.
 */
const HOSTILE_IDENTIFIERS: [string, string][] = [
  ["comma list", "opfer@kunde.test, evil1@attacker.test, evil2@attacker.test"],
  ["semicolon list", "opfer@kunde.test; evil@attacker.test"],
  ["display name", "Kunde <evil@attacker.test>"],
  ["CR/LF with a Bcc header", "victim@kunde.test\r\nBcc: evil@attacker.test"],
  ["quoted local part", '"evil@attacker.test x"@kunde.test'],
  ["500 addresses", Array.from({ length: 500 }, (_, i) => `r${i}@attacker.test`).join(", ")],
]

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const sink = new SmtpSink()
    let shop: Shop

    beforeAll(async () => {
      await sink.start()
      shop = await seedShop(getContainer())
    })
    afterAll(() => sink.stop())
    beforeEach(async () => {
      sink.reset()
      const mailer = mailerOf(getContainer())
      // Welcome mails are not what these tests are about
      await mailer.updateSettings({ storefront_url: STOREFRONT, enabled_events: { "customer.created": false } })
    })

    /** A visitor registers through Medusa's emailpass route and asks for a password reset. */
    async function registerAndRequestReset(identifier: string) {
      const registered = await api.post("/auth/customer/emailpass/register", { email: identifier, password: "Passwort-123" })
      expect(registered.status).toBe(200)
      await requestReset(identifier)
    }

    async function requestReset(identifier: string) {
      const requested = await api.post("/auth/customer/emailpass/reset-password", { identifier })
      expect(requested.status).toBe(201)
    }

    const everyRcpt = () => sink.mails.flatMap((m) => m.envelope.to)

    it("sends a reset for a hostile identifier to nobody, and a lookalike domain to its one address", async () => {
      const container = getContainer()
      const account = await mailerOf(container).createAccount(sinkAccount(sink))
      for (const [name, identifier] of HOSTILE_IDENTIFIERS) {
        await registerAndRequestReset(identifier)
        // an identity without a customer record is the resource, cut to 254 characters
        const row = await settledMessage(container, { event_name: RESET_EVENT, resource_id: identifier.slice(0, 254) })
        expect({ name, status: row.status, code: row.error_code }).toEqual({ name, status: "failed", code: "RECIPIENT_INVALID" })
        expect(row.attempts).toBe(0)
      }
      expect(sink.mails).toHaveLength(0)

      // Cyrillic "а" in "pаypal": one recipient, kept, stored and sent in punycode
      const lookalike = "victim@p\u0430ypal.test"
      await registerAndRequestReset(lookalike)
      const sent = await settledMessage(container, { event_name: RESET_EVENT, resource_id: lookalike })
      expect(sent).toMatchObject({ status: "sent", to: ["victim@xn--pypal-4ve.test"], account_id: account.id })
      const mail = sinkMailOf(sink, sent)
      // smtp-server reports the domain decoded; the header shows what went over the wire
      expect(mail.envelope.to).toEqual([lookalike])
      expect(mail.raw).toMatch(/^To: victim@xn--pypal-4ve\.test\r?$/m)
      expect(everyRcpt()).toEqual([lookalike])
    })

    it("refuses hostile order e-mails that pass Medusa's own check, and mails a plain one", async () => {
      const container = getContainer()
      await mailerOf(container).createAccount(sinkAccount(sink))
      // Medusa's validateEmail accepts a quoted local part with anything in it
      const hostile = ['x"erika@kunde.test, evil@attacker.test"@kunde.test', 'x"Kunde <evil@attacker.test>"@kunde.test']
      for (const email of hostile) {
        const orderId = await placeOrder(container, shop, { email, first_name: "Eve", last_name: "Evil" }, { locale: "de" })
        const row = await settledMessage(container, { event_name: "order.placed", resource_id: orderId })
        expect(row).toMatchObject({ status: "failed", error_code: "RECIPIENT_INVALID", attempts: 0 })
      }
      expect(sink.mails).toHaveLength(0)

      const orderId = await placeOrder(container, shop, { email: "erika@kunde.test", first_name: "Erika", last_name: "M" }, { locale: "de" })
      const row = await settledMessage(container, { event_name: "order.placed", resource_id: orderId })
      expect(row).toMatchObject({ status: "sent", to: ["erika@kunde.test"] })
      expect(everyRcpt()).toEqual(["erika@kunde.test"])
    })

    it("caps password-reset mails per recipient and hour; the rest are logged as skipped", async () => {
      const container = getContainer()
      await mailerOf(container).createAccount(sinkAccount(sink))
      const email = "flut@kunde.test"
      await registerAndRequestReset(email)
      for (let i = 1; i < 7; i++) await requestReset(email)
      const rows = await settledMessages(container, { event_name: RESET_EVENT, resource_id: email }, 7)
      expect(rows.filter((r) => r.status === "sent")).toHaveLength(5)
      const skipped = rows.filter((r) => r.status === "skipped")
      expect(skipped).toHaveLength(2)
      expect(skipped[0]).toMatchObject({ skip_reason: "ONE_TIME_LINK_LIMIT", one_time_link: null })
      expect(skipped[0].html).not.toMatch(/token=/)
      expect(everyRcpt()).toEqual(Array(5).fill(email))
    })

    it("keeps the reset link out of the log while the mail waits for a paused account", async () => {
      const container = getContainer()
      const mailer = mailerOf(container)
      const account = await mailer.createAccount(sinkAccount(sink))
      await mailer.updateMailerAccounts({ id: account.id, status: "auth_failed" })
      const admin = await createAdminSession(container, { email: "chef@muster-shop.test" })
      const email = "wartet@kunde.test"
      await registerAndRequestReset(email)

      const waiting = await waitFor(async () => {
        const [row] = await mailer.listMailerMessages({ event_name: RESET_EVENT, resource_id: email })
        return row?.error_code === "ACCOUNT_PAUSED" ? row : null
      }, "the reset mail to wait for its paused account")
      const shown = (await api.get(`/admin/mailer/messages/${waiting.id}`, { headers: admin.headers })).data.message
      expect(`${shown.html}${shown.text}`).not.toMatch(/token=/)
      expect(shown.text).toContain("https://link-inserted-when-sent.invalid/")
      expect(shown).toMatchObject({ status: "queued", to: [email], has_one_time_link: true })
      expect(shown.one_time_link).toBeUndefined()

      await mailer.markAccountVerified(account.id)
      await mailer.drainOutbox()
      const sent = await settledMessage(container, { event_name: RESET_EVENT, resource_id: email })
      const mail = sinkMailOf(sink, sent)
      const token = /reset-password\?token=([^&\s]+)/.exec(String(mail.parsed.text))?.[1]
      expect(token).toMatch(/^ey/)
      // The link the customer got was nowhere in what the admin could read while it waited
      expect(JSON.stringify(shown)).not.toContain(decodeURIComponent(token!).split(".")[2])
      expect(mail.envelope.to).toEqual([email])
      expect(sent).toMatchObject({ one_time_link: null })
    })

    it("sends a mail created in test mode to the shop even if test mode is off when it goes out", async () => {
      const container = getContainer()
      const mailer = mailerOf(container)
      const account = await mailer.createAccount(sinkAccount(sink, { test_mode: true }))
      await mailer.updateMailerAccounts({ id: account.id, status: "auth_failed" })
      const admin = await createAdminSession(container, { email: "chefin@muster-shop.test" })
      const orderId = await placeOrder(container, shop, { email: "erika@kunde.test", first_name: "Erika", last_name: "M" }, { locale: "de" })
      const [waiting] = await waitFor(async () => {
        const rows = await messagesFor(container, orderId)
        return rows[0]?.error_code === "ACCOUNT_PAUSED" ? rows : null
      }, "the order mail to wait for its paused account")

      const switched = await api.post(`/admin/mailer/accounts/${account.id}`, { test_mode: false }, { headers: admin.headers })
      expect(switched.data.account.test_mode).toBe(false)
      await mailer.markAccountVerified(account.id)
      await mailer.drainOutbox()
      const sent = await settledMessage(container, { event_name: "order.placed", resource_id: orderId })
      expect(everyRcpt()).toEqual([SHOP_ADDRESS])
      expect(sent).toMatchObject({ status: "sent", test_mode: true, to: ["erika@kunde.test"] })
      expect(waiting).toMatchObject({ test_mode: true, test_recipient: SHOP_ADDRESS })
    })
  },
})
