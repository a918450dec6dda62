import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { sendEventEmailWorkflow } from "../../src/workflows"
import { mailerOf, messagesFor, sinkAccount } from "../helpers/mailer"
import { placeOrder, seedShop, type Shop } from "../helpers/shop"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"

jest.setTimeout(120_000)

const ERIKA = { email: "erika@kunde.test", first_name: "Erika", last_name: "Mustermann" }

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ getContainer }) => {
    const sink = new SmtpSink()
    let shop: Shop

    beforeAll(async () => {
      await sink.start()
      shop = await seedShop(getContainer())
    })
    afterAll(async () => {
      await sink.stop()
    })
    beforeEach(() => sink.reset())

    async function orderMailFor(orderId: string) {
      const container = getContainer()
      const [message] = await waitFor(async () => {
        const rows = await messagesFor(container, orderId)
        return rows.length && rows.every((r) => r.status !== "queued" && r.status !== "sending") ? rows : null
      }, "the order confirmation to be delivered")
      return message
    }

    it("mails a German order confirmation for a German order, once, with a text part", async () => {
      const container = getContainer()
      await mailerOf(container).createAccount(sinkAccount(sink))
      const orderId = await placeOrder(container, shop, ERIKA, { locale: "de-DE" })

      const message = await orderMailFor(orderId)
      expect(message).toMatchObject({ status: "sent", event_name: "order.placed", locale: "de", to: [ERIKA.email], attempts: 1 })
      expect(sink.mails).toHaveLength(1)
      const mail = sink.mails[0]
      expect(mail.envelope.to).toEqual([ERIKA.email])
      expect(mail.auth?.username).toBe("shop@muster-shop.test")
      expect(mail.parsed.subject).toMatch(/^Bestellbestätigung Nr\. \d+ – Muster Shop$/)
      const html = String(mail.parsed.html)
      expect(html).toContain("Espressotasse")
      expect(html).toContain("Kaffeebohnen Hausmischung")
      // 2 × 14,90 € + 1 × 24,50 € + 4,90 € shipping, formatted the German way.
      const total = new Intl.NumberFormat("de", { style: "currency", currency: "EUR" }).format(59.2)
      expect(html).toContain(total)
      expect(html).toContain("Heidestraße 17")
      expect(html).toContain("Karl Kontakt") // greeting's <MITARBEITER> = the account's contact person
      expect(html).toContain("+49 221 555 0100")
      expect(mail.parsed.text).toContain("Espressotasse")
      expect(mail.parsed.text).toContain(total)

      // The same event again (a redelivery by the event bus) adds no row and no mail.
      await sendEventEmailWorkflow(container).run({ input: { event_name: "order.placed", data: { id: orderId } } })
      expect(await messagesFor(container, orderId)).toHaveLength(1)
      expect(sink.mails).toHaveLength(1)
    })

    it("writes English for an English order and escapes customer data", async () => {
      const container = getContainer()
      await mailerOf(container).createAccount(sinkAccount(sink))
      const attacker = { email: "mallory@kunde.test", first_name: "<img src=x onerror=alert(1)>", last_name: "Smith" }
      const orderId = await placeOrder(container, shop, attacker, { locale: "en-US" })

      const message = await orderMailFor(orderId)
      expect(message.status).toBe("sent")
      const mail = sink.mails[0]
      expect(mail.parsed.subject).toMatch(/^Order confirmation #\d+ – Muster Shop$/)
      const html = String(mail.parsed.html)
      expect(html).toContain("€59.20")
      expect(html).not.toContain("<img src=x")
      expect(html).toContain("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;")
    })

    it("in test mode sends only to the shop's address and names the customer in the subject", async () => {
      const container = getContainer()
      await mailerOf(container).createAccount(sinkAccount(sink, { test_mode: true, cc_1: "buchhaltung@muster-shop.test", bcc: "archiv@muster-shop.test" }))
      const orderId = await placeOrder(container, shop, ERIKA, { locale: "de" })

      const message = await orderMailFor(orderId)
      expect(message).toMatchObject({ status: "sent", test_mode: true, to: [ERIKA.email] })
      expect(message.envelope).toMatchObject({ to: ["shop@muster-shop.test"], cc: [], bcc: [], rerouted: true })
      expect(sink.mails).toHaveLength(1)
      const mail = sink.mails[0]
      expect(mail.envelope.to).toEqual(["shop@muster-shop.test"])
      expect(mail.parsed.to).toMatchObject({ text: "shop@muster-shop.test" })
      expect(mail.parsed.cc).toBeUndefined()
      expect(mail.parsed.headers.get("bcc")).toBeUndefined()
      expect(mail.parsed.subject).toContain(ERIKA.email)
      expect(String(mail.parsed.html)).toContain("buchhaltung@muster-shop.test")
    })

    it("keeps the order's mail in the log as failed when no account exists", async () => {
      const container = getContainer()
      const orderId = await placeOrder(container, shop, ERIKA, { locale: "de" })
      const message = await orderMailFor(orderId)
      expect(message).toMatchObject({ status: "failed", error_code: "NO_ACCOUNT" })
      expect(message.error_hint).toBeTruthy()
      expect(message.html).toContain("Espressotasse")
      expect(sink.mails).toHaveLength(0)
    })
  },
})
