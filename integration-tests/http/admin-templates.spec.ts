import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminSession } from "../helpers/admin"
import { adminClient, type AdminClient } from "../helpers/admin-api"
import { messagesFor, sinkAccount } from "../helpers/mailer"
import { placeOrder, seedShop, type Shop } from "../helpers/shop"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"

jest.setTimeout(150_000)

const OWN = {
  event_name: "order.placed",
  locale: "de",
  subject: "Ihre Bestellung {{order.display_id}} bei {{store.name}}",
  body_html: "<p>Hallo {{customer_name}}, Sie haben {{#each order.items}}{{quantity}} × {{title}}; {{/each}}bestellt.</p><p>Es grüßt <MITARBEITER></p>",
}

const PRESET_IDS = ["gmail", "microsoft365", "ionos", "strato", "gmx", "webde", "t-online", "amazon-ses", "mailgun", "postmark", "brevo", "sendgrid"]

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const sink = new SmtpSink()
    let admin: AdminClient
    let adminId: string
    let shop: Shop
    let orderId: string

    beforeAll(async () => {
      await sink.start()
      const container = getContainer()
      const session = await createAdminSession(container)
      adminId = session.user_id
      admin = adminClient(api, session.headers)
      shop = await seedShop(container)
      // No account yet: the order's own confirmation is logged as failed, nothing reaches the sink.
      orderId = await placeOrder(container, shop, { email: "jonas@kunde.test", first_name: "Jonas", last_name: "Becker" }, { locale: "de-DE", quantities: [3, 1] })
      await waitFor(async () => (await messagesFor(container, orderId)).find((m) => m.status === "failed"), "the order's mail to be logged")
    })
    afterAll(async () => {
      await sink.stop()
    })
    beforeEach(() => sink.reset())

    const createAccount = async (overrides: Record<string, unknown> = {}) =>
      (await admin.post("/admin/mailer/accounts", sinkAccount(sink, overrides))).data.account

    it("lists the shipped defaults until a template overrides one; deleting it resets to the default", async () => {
      const initial = await admin.get("/admin/mailer/templates")
      expect(initial.status).toBe(200)
      const defaults = initial.data.templates.filter((t: { event_name: string }) => t.event_name === "order.placed")
      expect(defaults).toEqual([
        expect.objectContaining({ id: null, default_id: "default:order.placed:de", locale: "de", is_default: true, subject: expect.stringContaining("Bestellbestätigung") }),
        expect.objectContaining({ id: null, default_id: "default:order.placed:en", locale: "en", is_default: true, subject: expect.stringContaining("Order confirmation") }),
      ])
      const shipped = await admin.get("/admin/mailer/templates/default:order.placed:de")
      expect(shipped.data.template).toMatchObject({ id: null, is_default: true, event_name: "order.placed", locale: "de" })
      expect(shipped.data.template.body_html).toContain("Vielen Dank für Ihre Bestellung")

      const created = await admin.post("/admin/mailer/templates", OWN)
      expect(created.status).toBe(200)
      expect(created.data.template).toMatchObject({ ...OWN, id: expect.stringMatching(/^mtpl_/), is_default: false, is_active: true, sales_channel_id: null })
      expect(created.data.warnings).toEqual([])
      const id = created.data.template.id
      // A template for one sales channel does not replace the default for the others.
      const channel = await admin.post("/admin/mailer/templates", { ...OWN, locale: "en", sales_channel_id: shop.sales_channel_id })
      expect(channel.status).toBe(200)

      const listed = (await admin.get("/admin/mailer/templates?event_name=order.placed")).data.templates
      expect(listed.map((t: any) => [t.id ? "row" : t.default_id, t.locale, t.is_default])).toEqual([
        ["row", "de", false],
        ["row", "en", false],
        ["default:order.placed:en", "en", true],
      ])
      const german = (await admin.get("/admin/mailer/templates?locale=de")).data.templates
      expect(german.every((t: { locale: string }) => t.locale === "de")).toBe(true)
      expect(german.filter((t: { event_name: string }) => t.event_name === "order.placed")).toEqual([expect.objectContaining({ id, is_default: false })])

      const updated = await admin.post(`/admin/mailer/templates/${id}`, { subject: "Bestellung {{order.display_id}} {{nope}}" })
      expect(updated.status).toBe(200)
      expect(updated.data.template.subject).toBe("Bestellung {{order.display_id}} {{nope}}")
      expect(updated.data.warnings).toEqual([expect.objectContaining({ field: "subject", message: expect.stringContaining("nope") })])
      expect((await admin.get(`/admin/mailer/templates/${id}`)).data.template.body_html).toBe(OWN.body_html)

      const deleted = await admin.delete(`/admin/mailer/templates/${id}`)
      expect(deleted.data).toEqual({ id, object: "mailer_template", deleted: true })
      expect((await admin.get(`/admin/mailer/templates/${id}`)).status).toBe(404)
      const reset = (await admin.get("/admin/mailer/templates?event_name=order.placed&locale=de")).data.templates
      expect(reset).toEqual([expect.objectContaining({ default_id: "default:order.placed:de", is_default: true })])
    })

    it("refuses a second template for the same event, language and channel with 409", async () => {
      const first = (await admin.post("/admin/mailer/templates", OWN)).data.template
      const again = await admin.post("/admin/mailer/templates", { ...OWN, locale: "de" })
      expect(again.status).toBe(409)
      expect(again.data).toMatchObject({ type: "conflict", code: "TEMPLATE_EXISTS", hint: expect.any(String) })
      const english = (await admin.post("/admin/mailer/templates", { ...OWN, locale: "en" })).data.template
      const clash = await admin.post(`/admin/mailer/templates/${english.id}`, { locale: "de" }, { "accept-language": "de" })
      expect(clash.status).toBe(409)
      expect(clash.data.message).toContain("gibt es bereits eine Vorlage")
      expect((await admin.post(`/admin/mailer/templates/${first.id}`, { locale: "de" })).status).toBe(200) // itself is no clash
    })

    it("previews with sample data and with a real order's items", async () => {
      const sample = await admin.post("/admin/mailer/templates/preview", OWN)
      expect(sample.status).toBe(200)
      expect(sample.data).toMatchObject({ subject: "Ihre Bestellung 1042 bei Muster Shop", warnings: [] })
      expect(sample.data.html).toContain("2 × Espressotasse")
      expect(sample.data.html).toContain("<!DOCTYPE html>") // inside the layout
      expect(sample.data.text).toContain("Espressotasse")
      expect(sample.data.html).toContain("Anna Admin") // <MITARBEITER> = the admin who previews

      const real = await admin.post("/admin/mailer/templates/preview", { ...OWN, order_id: orderId })
      expect(real.status).toBe(200)
      expect(real.data.html).toContain("3 × Espressotasse")
      expect(real.data.html).toContain("1 × Kaffeebohnen Hausmischung")
      expect(real.data.html).toContain("Hallo Jonas Becker")
      expect(real.data.subject).toMatch(/^Ihre Bestellung \d+ bei Muster Shop$/)

      const warned = await admin.post("/admin/mailer/templates/preview", { ...OWN, body_html: "<p>{{gutschein}}</p>" })
      expect(warned.status).toBe(200)
      expect(warned.data.warnings).toEqual([expect.objectContaining({ field: "body_html", line: 1, message: expect.stringContaining("gutschein") })])

      const broken = await admin.post("/admin/mailer/templates/preview", { ...OWN, body_html: "<p>\n\n{{#each order.items}}</p>" })
      expect(broken.status).toBe(400)
      expect(broken.data).toMatchObject({ code: "TEMPLATE_INVALID", errors: [expect.objectContaining({ field: "body_html", line: expect.any(Number), message: expect.any(String) })] })
    })

    it("sends a template's test mail for a real order to the admin's address", async () => {
      await createAccount()
      const template = (await admin.post("/admin/mailer/templates", OWN)).data.template
      const sent = await admin.post(`/admin/mailer/templates/${template.id}/test-email`, { to: "pruefer@muster-shop.test", order_id: orderId })
      expect(sent.status).toBe(200)
      expect(sent.data.message).toMatchObject({ status: "sent", to: ["pruefer@muster-shop.test"], template_id: template.id, triggered_by: adminId, resource_id: orderId, event_name: "order.placed" })
      expect(sink.mails).toHaveLength(1)
      expect(sink.mails[0].envelope.to).toEqual(["pruefer@muster-shop.test"])
      const html = String(sink.mails[0].parsed.html)
      expect(html).toContain("3 × Espressotasse")
      expect(html).toContain("Anna Admin")

      // A shipped default with sample data, to the account's sender address.
      sink.reset()
      const byDefault = await admin.post("/admin/mailer/templates/default:order.placed:en/test-email", {})
      expect(byDefault.status).toBe(200)
      expect(byDefault.data.message).toMatchObject({ status: "sent", to: ["shop@muster-shop.test"], template_id: null, locale: "en" })
      expect(sink.mails[0].parsed.subject).toBe("Order confirmation #1042 – Muster Shop")
      // Each test mail is its own log row (a fresh idempotency key).
      const again = await admin.post("/admin/mailer/templates/default:order.placed:en/test-email", {})
      expect(again.data.message.id).not.toBe(byDefault.data.message.id)
      expect(sink.mails).toHaveLength(2)
    })

    it("lists events with labels, variables and samples, and provider presets", async () => {
      const events = await admin.get("/admin/mailer/events", { "accept-language": "de" })
      expect(events.status).toBe(200)
      const placed = events.data.events.find((e: { name: string }) => e.name === "order.placed")
      expect(placed).toMatchObject({ label: "Bestellbestätigung", label_en: "Order confirmation", enabled: true, shipped_locales: ["de", "en"] })
      expect(placed.variables).toEqual(expect.arrayContaining([{ path: "order.display_id", sample: "1042" }, { path: "customer_name", sample: "Erika Mustermann" }]))
      expect(placed.sample.order.display_id).toBe(1042)

      await admin.post("/admin/mailer/settings", { enabled_events: { "order.placed": false } })
      const disabled = (await admin.get("/admin/mailer/events")).data.events.find((e: { name: string }) => e.name === "order.placed")
      expect(disabled).toMatchObject({ enabled: false, label: "Order confirmation" })

      const presets = (await admin.get("/admin/mailer/presets", { "accept-language": "de" })).data.presets
      expect(presets.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(PRESET_IDS))
      for (const preset of presets.filter((p: { id: string }) => PRESET_IDS.includes(p.id))) {
        expect(preset).toEqual(expect.objectContaining({ host: expect.stringMatching(/\./), port: expect.any(Number), security: expect.stringMatching(/^(ssl|starttls)$/), notes: preset.notes_de }))
      }
      const gmail = presets.find((p: { id: string }) => p.id === "gmail")
      expect(gmail).toMatchObject({ host: "smtp.gmail.com", port: 465, security: "ssl" })
      expect(gmail.notes).toContain("App-Passwort")
    })

    it("reads and updates the settings; the layout is used by the preview", async () => {
      const initial = await admin.get("/admin/mailer/settings")
      expect(initial.data.settings).toMatchObject({ default_locale: "de", enabled_events: {}, layout_html: null, log_retention_days: 180 })

      const layout = "<html><body><div class=\"shop-frame\">{{{body}}}</div><footer>{{store.name}}</footer></body></html>"
      const updated = await admin.post("/admin/mailer/settings", {
        default_locale: "de-DE",
        enabled_events: { "order.placed": false },
        layout_html: layout,
        log_retention_days: 30,
        storefront_url: "https://shop.example.com",
        admin_url: "https://admin.example.com/app",
      })
      expect(updated.status).toBe(200)
      expect(updated.data.settings).toMatchObject({ default_locale: "de-DE", enabled_events: { "order.placed": false }, layout_html: layout, log_retention_days: 30, storefront_url: "https://shop.example.com" })

      const preview = await admin.post("/admin/mailer/templates/preview", OWN)
      expect(preview.data.html).toContain('<div class="shop-frame"><p>Hallo Erika Mustermann')
      expect(preview.data.html).toContain("<footer>Muster Shop</footer>")

      // A partial update keeps the rest; enabled_events is merged; null clears.
      const partial = await admin.post("/admin/mailer/settings", { enabled_events: { "order.placed": true }, layout_html: null, storefront_url: null })
      expect(partial.data.settings).toMatchObject({ default_locale: "de-DE", enabled_events: { "order.placed": true }, layout_html: null, storefront_url: null, log_retention_days: 30 })
      expect((await admin.get("/admin/mailer/settings")).data.settings.admin_url).toBe("https://admin.example.com/app")
    })
  },
})
