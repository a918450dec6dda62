import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { createAdminSession } from "../helpers/admin"
import { adminClient, type AdminClient } from "../helpers/admin-api"
import { messagesFor, sinkAccount } from "../helpers/mailer"
import { placeOrder, seedShop, type Shop } from "../helpers/shop"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"

/**
 * Issue 14, points 3–5, end to end: real orders through Medusa's workflows,
 * the order confirmation read from the in-process SMTP sink. German address
 * without state line and country, Austria written out, no tax line without
 * tax (the settings' tax note instead), no dangling separator in a
 * system-sent signature whose staff values are empty.
 */

jest.setTimeout(120_000)

const ERIKA = { email: "erika@kunde.test", first_name: "Erika", last_name: "Mustermann" }
const BERLIN = { address_1: "Invalidenstraße 117", postal_code: "10115", city: "Berlin", province: "Berlin", country_code: "de" }
const VIENNA = { address_1: "Stephansplatz 1", postal_code: "1010", city: "Wien", province: "Wien", country_code: "at" }
const TAX_NOTE = "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet."

/** The shop also ships to Austria: the region gets the country, the service zone a geo zone. */
async function openAustria(container: MedusaContainer, shop: Shop) {
  await updateRegionsWorkflow(container).run({
    input: { selector: { id: shop.region_id }, update: { countries: ["de", "at"] } },
  })
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const zones = await fulfillment.listServiceZones({ name: "Deutschland" })
  await fulfillment.createGeoZones(zones.map((zone) => ({ service_zone_id: zone.id, type: "country" as const, country_code: "at" })))
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const sink = new SmtpSink()
    let shop: Shop
    let admin: AdminClient

    beforeAll(async () => {
      await sink.start()
      shop = await seedShop(getContainer())
      await openAustria(getContainer(), shop)
      admin = adminClient(api, (await createAdminSession(getContainer())).headers)
    })
    afterAll(async () => {
      await sink.stop()
    })
    beforeEach(() => sink.reset())

    async function configure(account: Record<string, unknown> = {}) {
      const settings = await admin.post("/admin/mailer/settings", { shop_country_code: "de", tax_note: TAX_NOTE })
      expect(settings.status).toBe(200)
      const created = await admin.post("/admin/mailer/accounts", sinkAccount(sink, account))
      expect(created.status).toBe(200)
      return created.data.account
    }

    async function confirmationOf(orderId: string) {
      const [message] = await waitFor(async () => {
        const rows = await messagesFor(getContainer(), orderId)
        return rows.length && rows.every((r) => r.status !== "queued" && r.status !== "sending") ? rows : null
      }, "the order confirmation to be delivered")
      expect(message.status).toBe("sent")
      const mail = await waitFor(() => sink.mails.find((m) => m.envelope.to.includes(ERIKA.email)), "the mail in the sink")
      return { html: String(mail.parsed.html), text: String(mail.parsed.text) }
    }

    it("stores the shop's country (upper case) and the tax note; refuses a country that is not ISO alpha-2", async () => {
      const saved = await admin.post("/admin/mailer/settings", { shop_country_code: " at ", tax_note: TAX_NOTE })
      expect(saved.status).toBe(200)
      expect(saved.data.settings).toMatchObject({ shop_country_code: "AT", tax_note: TAX_NOTE })
      const wrong = await admin.post("/admin/mailer/settings", { shop_country_code: "DEU" }, { "accept-language": "de" })
      expect(wrong.status).toBe(400)
      expect(JSON.stringify(wrong.data)).toContain("shop_country_code")
      const cleared = await admin.post("/admin/mailer/settings", { shop_country_code: "", tax_note: null })
      expect(cleared.data.settings).toMatchObject({ shop_country_code: null, tax_note: null })
    })

    it("a German order to a German address: no state line, no country, no tax line but the tax note", async () => {
      await configure()
      const orderId = await placeOrder(getContainer(), shop, ERIKA, { locale: "de-DE", address: BERLIN })
      const { html, text } = await confirmationOf(orderId)
      // Both columns (shipping, billing) end with the town: no "Berlin" state line, no "DE".
      expect(html.match(/Invalidenstraße 117<br>10115 Berlin<\/td>/g)).toHaveLength(2)
      expect(html).not.toMatch(/<br>(DE|Deutschland|Berlin)<\/td>/)
      expect(html).not.toContain("MwSt.")
      expect(html).toContain(TAX_NOTE)
      expect(text).not.toContain("MwSt.")
      expect(text.replace(/\s+/g, " ")).toContain(TAX_NOTE)
    })

    it("an order to Austria names the country in the mail's language", async () => {
      await configure()
      const orderId = await placeOrder(getContainer(), shop, ERIKA, { locale: "de-DE", address: VIENNA })
      const { html } = await confirmationOf(orderId)
      expect(html).toContain("Stephansplatz 1<br>1010 Wien<br>Österreich</td>")
      expect(html).not.toMatch(/<br>(AT|Wien)<\/td>/)
    })

    it("a system-sent mail whose signature's staff values are empty has no dangling separator; the account warns", async () => {
      const account = await configure({
        signature_html: "<p>Ihr Team<br><MITARBEITER> · <MITARBEITER_TELEFON></p>",
        contact_name: null,
        contact_phone: null,
      })
      expect(account.warnings.map((w: { code: string }) => w.code)).toContain("SIGNATURE_VARIABLES_UNFILLED")
      const orderId = await placeOrder(getContainer(), shop, ERIKA, { locale: "de-DE" })
      const { html, text } = await confirmationOf(orderId)
      expect(html).toContain("<p>Ihr Team</p>")
      expect(html).not.toMatch(/Ihr Team\s*(<br>)?\s*·/)
      // The greeting "Mit freundlichen Grüßen\n<MITARBEITER>" loses its empty second line.
      expect(html).toContain("<p>Mit freundlichen Grüßen</p>")
      expect(text).toMatch(/Ihr Team\s*$/)
    })
  },
})
