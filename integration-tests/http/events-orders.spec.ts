import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminSession, type AdminSession } from "../helpers/admin"
import { deliveredMail, settledMessage, settledMessages } from "../helpers/event-mail"
import { mailerOf, sinkAccount } from "../helpers/mailer"
import { cancelOrder, fulfillAndShip, markDelivered } from "../helpers/order-flows"
import { placeOrder, seedShop, type Shop } from "../helpers/shop"
import { SmtpSink } from "../helpers/smtp-sink"
import { resendMessageWorkflow, sendEventEmailWorkflow } from "../../src/workflows"

jest.setTimeout(120_000)

const ERIKA = { email: "erika@kunde.test", first_name: "Erika", last_name: "Mustermann" }
const JOHN = { email: "john@customer.test", first_name: "John", last_name: "Miller" }
const DHL = {
  tracking_number: "00340434161094042557",
  tracking_url: "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161094042557",
  label_url: "https://labels.muster-shop.test/00340434161094042557.pdf",
}
const euro = (amount: number, locale: string) => new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(amount)

/** Shipment, delivery and cancellation mails, driven through Medusa's own order workflows. */
medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ getContainer }) => {
    const sink = new SmtpSink()
    let shop: Shop
    let sabine: AdminSession

    beforeAll(async () => {
      await sink.start()
      const container = getContainer()
      shop = await seedShop(container)
      sabine = await createAdminSession(container, { email: "sabine@muster-shop.test", first_name: "Sabine", last_name: "Service" })
      await mailerOf(container).createMailerStaffProfiles({ user_id: sabine.user_id, phone: "+49 221 555 0142", mobile: "+49 171 555 0142" })
    })
    afterAll(async () => {
      await sink.stop()
    })
    beforeEach(() => sink.reset())

    it("mails a German shipping confirmation with carrier, tracking link, the shipper's signature and the account's copies", async () => {
      const container = getContainer()
      const copies = { cc_1: "buchhaltung@muster-shop.test", cc_2: "lager@muster-shop.test", bcc: "archiv@muster-shop.test", reply_to: "service@muster-shop.test" }
      await mailerOf(container).createAccount(sinkAccount(sink, copies))
      const orderId = await placeOrder(container, shop, ERIKA, { locale: "de-DE" })
      await fulfillAndShip(container, orderId, { labels: [DHL], created_by: sabine.user_id })

      const { message, mail, html, text } = await deliveredMail(container, sink, { event_name: "shipment.created", resource_id: orderId })
      expect(message).toMatchObject({ locale: "de", to: [ERIKA.email], resource_type: "order", staff_user_id: sabine.user_id })
      expect(mail.parsed.subject).toMatch(/^Ihre Bestellung Nr\. \d+ ist unterwegs – Muster Shop$/)
      expect(html).toContain("DHL Paket")
      expect(html).toContain(`>${DHL.tracking_number}</a>`)
      expect(text).toContain(DHL.tracking_url)
      expect(html).not.toContain(DHL.label_url) // the printable label is the merchant's, not the customer's
      expect(html).toContain("Espressotasse")
      // <MITARBEITER> / <MITARBEITER_TELEFON>: the admin who shipped, with her staff profile.
      expect(html).toContain("Sabine Service")
      expect(html).toContain("+49 221 555 0142")
      expect(html).not.toContain("Karl Kontakt")
      expect(text).toContain("Sabine Service")
      // cc_1, cc_2 and bcc receive the mail; Bcc is not in the headers; replies go to reply_to.
      expect([...mail.envelope.to].sort()).toEqual([ERIKA.email, copies.cc_1, copies.cc_2, copies.bcc].sort())
      expect(mail.parsed.headers.get("bcc")).toBeUndefined()
      const cc = Array.isArray(mail.parsed.cc) ? mail.parsed.cc.map((a) => a.text).join(", ") : mail.parsed.cc?.text
      expect(cc).toContain(copies.cc_1)
      expect(cc).toContain(copies.cc_2)
      expect(mail.parsed.replyTo?.text).toBe(copies.reply_to)
      expect(message).toMatchObject({ cc: [copies.cc_1, copies.cc_2], bcc: [copies.bcc] })

      // A resend renders the shipment again, signed by the admin who resends it.
      const chef = await createAdminSession(container, { email: "chef@muster-shop.test", first_name: "Carl", last_name: "Chef" })
      const { result } = await resendMessageWorkflow(container).run({ input: { message_id: message.id, user_id: chef.user_id, nonce: "n1" } })
      const resent = await mailerOf(container).retrieveMailerMessage(result.message_id)
      expect(resent).toMatchObject({ status: "sent", resent_from_id: message.id, staff_user_id: chef.user_id, triggered_by: chef.user_id })
      expect(resent.html).toContain("Carl Chef")
      expect(resent.html).not.toContain("Sabine Service")
      expect(resent.html).toContain(`>${DHL.tracking_number}</a>`)
      expect(sink.mails.filter((m) => /ist unterwegs/.test(String(m.parsed.subject)))).toHaveLength(2)
    })

    it("logs a shipment without notification as skipped and mails the delivery in English", async () => {
      const container = getContainer()
      await mailerOf(container).createAccount(sinkAccount(sink))
      const orderId = await placeOrder(container, shop, JOHN, { locale: "en-US" })
      const fulfillmentId = await fulfillAndShip(container, orderId, { labels: [DHL], created_by: sabine.user_id, no_notification: true })

      const skipped = await settledMessage(container, { event_name: "shipment.created", resource_id: orderId })
      expect(skipped).toMatchObject({ status: "skipped", skip_reason: "NO_NOTIFICATION", to: [JOHN.email], attempts: 0 })

      await markDelivered(container, orderId, fulfillmentId)
      const { message, mail, html } = await deliveredMail(container, sink, { event_name: "delivery.created", resource_id: orderId })
      expect(message.locale).toBe("en")
      expect(mail.parsed.subject).toMatch(/^Your order #\d+ has been delivered – Muster Shop$/)
      expect(html).toContain("Kaffeebohnen Hausmischung")
      // Medusa records nobody for "delivered": the admin who shipped signs.
      expect(html).toContain("Sabine Service")
      const subjects = sink.mails.map((m) => m.parsed.subject)
      expect(subjects.some((s) => /on its way/.test(String(s)))).toBe(false)
    })

    it("gives every shipment of an order its own mail and skips a delivery without notification", async () => {
      const container = getContainer()
      await mailerOf(container).createAccount(sinkAccount(sink))
      const orderId = await placeOrder(container, shop, ERIKA, { locale: "de" })
      const cups = await fulfillAndShip(container, orderId, { line: "Espressotasse", labels: [DHL] })
      await settledMessages(container, { event_name: "shipment.created", resource_id: orderId }, 1)
      const beans = await fulfillAndShip(container, orderId, { line: "Kaffeebohnen", labels: [{ ...DHL, tracking_number: "JJD0099", tracking_url: "" }] })

      const shipments = await settledMessages(container, { event_name: "shipment.created", resource_id: orderId }, 2)
      expect(shipments.map((m) => m.status)).toEqual(["sent", "sent"])
      expect(shipments.map((m) => m.idempotency_key).sort()).toEqual(
        [cups, beans].map((f) => `shipment.created:${orderId}/${f}:shipment.created:de`).sort()
      )
      const second = shipments.find((m) => m.idempotency_key.includes(beans))!
      expect(second.html).toContain("Kaffeebohnen Hausmischung")
      expect(second.html).not.toContain("Espressotasse")
      expect(second.html).toContain("<li>JJD0099</li>") // a number without a tracking URL is not linked
      // No staff member recorded: the account's contact person signs.
      expect(second.staff_user_id).toBeNull()
      expect(second.html).toContain("Karl Kontakt")

      await markDelivered(container, orderId, cups, { no_notification: true })
      const [delivery] = await settledMessages(container, { event_name: "delivery.created", resource_id: orderId }, 1)
      expect(delivery).toMatchObject({ status: "skipped", skip_reason: "NO_NOTIFICATION" })
      expect(sink.mails.filter((m) => /zugestellt/.test(String(m.parsed.subject)))).toHaveLength(0)
    })

    it("confirms a cancellation in German, in the shop's default language without an order locale, and honours a disabled event", async () => {
      const container = getContainer()
      const mailer = mailerOf(container)
      await mailer.createAccount(sinkAccount(sink))
      await mailer.updateSettings({ default_locale: "en" })

      const german = await placeOrder(container, shop, ERIKA, { locale: "de-DE" })
      await cancelOrder(container, german, sabine.user_id)
      const de = await deliveredMail(container, sink, { event_name: "order.canceled", resource_id: german })
      expect(de.mail.parsed.subject).toMatch(/^Stornierung Ihrer Bestellung Nr\. \d+ – Muster Shop$/)
      expect(de.html).toContain(euro(59.2, "de"))
      expect(de.mail.envelope.to).toEqual([ERIKA.email])

      const noLocale = await placeOrder(container, shop, JOHN)
      await cancelOrder(container, noLocale)
      const en = await deliveredMail(container, sink, { event_name: "order.canceled", resource_id: noLocale })
      expect(en.message.locale).toBe("en")
      expect(en.mail.parsed.subject).toMatch(/^Cancellation of your order #\d+ – Muster Shop$/)
      expect(en.html).toContain("€59.20")

      await mailer.updateSettings({ enabled_events: { "order.canceled": false } })
      const disabled = await placeOrder(container, shop, ERIKA, { locale: "de" })
      await cancelOrder(container, disabled)
      const skipped = await settledMessage(container, { event_name: "order.canceled", resource_id: disabled })
      expect(skipped).toMatchObject({ status: "skipped", skip_reason: "EVENT_DISABLED" })
      expect(sink.mails.filter((m) => /Stornierung/.test(String(m.parsed.subject)))).toHaveLength(1)
      // Only the switched-off event is silent: the order confirmation still went out.
      expect(await settledMessage(container, { event_name: "order.placed", resource_id: disabled })).toMatchObject({ status: "sent" })

      // A mail the merchant sends by hand goes out even for the switched-off event.
      const { result } = await sendEventEmailWorkflow(container).run({
        input: { event_name: "order.canceled", data: { id: disabled }, overrides: { idempotency_key: "manual:cancel-test" } },
      })
      expect(result.delivery).toMatchObject({ status: "sent" })
      expect(sink.mails.filter((m) => /Stornierung/.test(String(m.parsed.subject)))).toHaveLength(2)
    })

    it("sends through the sales channel's account with the channel's template, over the defaults", async () => {
      const container = getContainer()
      const mailer = mailerOf(container)
      await mailer.createAccount(sinkAccount(sink))
      const channelAccount = await mailer.createAccount(
        sinkAccount(sink, {
          name: "Webshop",
          sender_name: "Muster Webshop",
          sender_email: "webshop@muster-shop.test",
          username: "webshop@muster-shop.test",
          is_default: false,
          sales_channel_ids: { ids: [shop.sales_channel_id] },
        })
      )
      const [, channelTemplate] = await mailer.createMailerTemplates([
        { event_name: "shipment.created", locale: "de", sales_channel_id: null, subject: "Alle Kanäle {{order.display_id}}", body_html: "<p>alle</p>" },
        {
          event_name: "shipment.created",
          locale: "de",
          sales_channel_id: shop.sales_channel_id,
          subject: "Webshop-Versand {{order.display_id}}",
          body_html: "<p>Sendungsnummer: {{join shipment.tracking_numbers}}</p>{{signature}}",
        },
      ])
      const orderId = await placeOrder(container, shop, ERIKA, { locale: "de-DE" })
      await fulfillAndShip(container, orderId, { labels: [DHL] })

      const { message, mail, html } = await deliveredMail(container, sink, { event_name: "shipment.created", resource_id: orderId })
      expect(message).toMatchObject({ account_id: channelAccount.id, template_id: channelTemplate.id })
      expect(mail.parsed.subject).toMatch(/^Webshop-Versand \d+$/)
      expect(html).toContain(`Sendungsnummer: ${DHL.tracking_number}`)
      expect(mail.envelope.from).toBe("webshop@muster-shop.test")
      expect(mail.auth?.username).toBe("webshop@muster-shop.test")
      // The order confirmation (no stored template) also leaves through the channel's account.
      const placed = await settledMessage(container, { event_name: "order.placed", resource_id: orderId })
      expect(placed).toMatchObject({ status: "sent", account_id: channelAccount.id, template_id: null })
    })
  },
})
