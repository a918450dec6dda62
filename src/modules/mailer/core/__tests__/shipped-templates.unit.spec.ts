import Handlebars from "handlebars"
import { describeVariables, EVENT_CATALOG, findEvent } from "../events/catalog"
import { renderEmailBlocking, validateTemplate } from "../render"
import { SHIPPED_TEMPLATES, shippedTemplate } from "../templates/shipped"

/**
 * Every shipped default, in German and English, renders its event's sample
 * context: valid, without unknown-variable warnings, single-line subject,
 * with a text part, and with the signature's staff variables filled in.
 */

const STAFF = { name: "Sabine Service", phone: "+49 221 555 0142", email: "sabine@muster-shop.example" }
const ACCOUNT = {
  greeting: "Mit freundlichen Grüßen\n<MITARBEITER>",
  signature_html: "<p>Muster Shop GmbH · Telefon <MITARBEITER_TELEFON> · Fax <MITARBEITER_TELEFAX></p>",
  sender_name: "Muster Shop",
}

function render(eventName: string, lang: "de" | "en", context?: Record<string, unknown>) {
  const event = findEvent(eventName)!
  const template = SHIPPED_TEMPLATES[eventName][lang]
  return renderEmailBlocking({
    template,
    context: context ?? event.sample_context,
    locale: lang,
    currency_code: "eur",
    staff: STAFF,
    account: ACCOUNT,
  })
}

const cases = EVENT_CATALOG.flatMap((e) => (["de", "en"] as const).map((lang) => [e.name, lang] as const))

describe("shipped templates", () => {
  it("exist in German and English for every catalog event, and only for those", () => {
    expect(Object.keys(SHIPPED_TEMPLATES).sort()).toEqual(EVENT_CATALOG.map((e) => e.name).sort())
    for (const event of EVENT_CATALOG) {
      expect(Object.keys(SHIPPED_TEMPLATES[event.name]).sort()).toEqual(["de", "en"])
      expect(event.label_de && event.label_en && event.description_de && event.description_en).toBeTruthy()
      expect(describeVariables(event.sample_context).length).toBeGreaterThan(3)
    }
  })

  it.each(cases)("%s (%s) is valid and renders its sample without warnings", (eventName, lang) => {
    const template = SHIPPED_TEMPLATES[eventName][lang]
    expect(validateTemplate(template, findEvent(eventName)!.sample_context)).toEqual({ problems: [], warnings: [] })
    const mail = render(eventName, lang)
    expect(mail.warnings).toEqual([])
    expect(mail.subject).not.toMatch(/[\r\n]|\{\{|<MITARBEITER/)
    expect(mail.subject.length).toBeGreaterThan(10)
    expect(mail.text.length).toBeGreaterThan(50)
    for (const part of [mail.html, mail.text]) {
      expect(part).not.toMatch(/\{\{|\}\}|MITARBEITER/)
      expect(part).toContain("Sabine Service")
      expect(part).toContain("+49 221 555 0142")
    }
    // An unknown staff value (no fax) is empty text, never the raw placeholder.
    expect(mail.html).toContain("Fax </p>")
  })

  it("writes German in German and English in English", () => {
    expect(render("shipment.created", "de").subject).toBe("Ihre Bestellung Nr. 1042 ist unterwegs – Muster Shop")
    expect(render("shipment.created", "en").subject).toBe("Your order #1042 is on its way – Muster Shop")
    expect(render("order.canceled", "de").html).toContain("Stornierung Ihrer Bestellung Nr. <strong>1042</strong>")
    expect(render("customer.created", "en").subject).toBe("Welcome to Muster Shop")
  })

  it("links tracking numbers to the carrier and lists the shipped items", () => {
    const mail = render("shipment.created", "de")
    expect(mail.html).toContain(
      'href="https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode&#x3D;00340434161094042557"'
    )
    expect(mail.html).toContain("DHL Paket")
    expect(mail.html).toContain("Kaffeebohnen Hausmischung")
    expect(mail.text).toContain("https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161094042557")
  })

  it("shows a tracking number without a link when the carrier gave no URL", () => {
    const context = structuredClone(findEvent("shipment.created")!.sample_context) as any
    context.shipment.tracking_links = [{ number: "JJD000390007", url: null }]
    const mail = render("shipment.created", "en", context)
    expect(mail.html).toContain("<li>JJD000390007</li>")
  })

  it("states the refunded amount in the customer's format", () => {
    const euro = (n: number, l: string) => new Intl.NumberFormat(l, { style: "currency", currency: "EUR" }).format(n)
    expect(render("payment.refunded", "de").html).toContain(euro(29.8, "de"))
    expect(render("payment.refunded", "en").html).toContain(euro(29.8, "en"))
    expect(render("payment.refunded", "de").html).toContain("Grund: Retoure")
  })

  it("puts the reset and invitation links into HTML and text", () => {
    for (const [eventName, variable] of [
      ["auth.password_reset.customer", "reset_url"],
      ["auth.password_reset.user", "reset_url"],
      ["invite.created", "invite_url"],
    ] as const) {
      const url = (findEvent(eventName)!.sample_context as Record<string, string>)[variable]
      const mail = render(eventName, "de")
      expect(mail.text).toContain(url)
      expect(mail.html).toContain(`href="${Handlebars.Utils.escapeExpression(url)}"`)
    }
    expect(render("auth.password_reset.customer", "de").html).toContain("nur 15 Minuten gültig")
  })

  it("picks the claim's replacement or refund wording and the exchange's difference", () => {
    const claim = structuredClone(findEvent("order.claim_created")!.sample_context) as any
    expect(render("order.claim_created", "de", claim).html).toContain("kostenlos Ersatz")
    claim.claim.type = "refund"
    claim.claim.refund_amount = 14.9
    const refundClaim = render("order.claim_created", "de", claim).html
    expect(refundClaim).not.toContain("kostenlos Ersatz")
    expect(refundClaim).toContain(new Intl.NumberFormat("de", { style: "currency", currency: "EUR" }).format(14.9))

    const exchange = structuredClone(findEvent("order.exchange_created")!.sample_context) as any
    exchange.exchange.difference_due = -5
    expect(render("order.exchange_created", "en", exchange).html).toContain("refund the difference of <strong>€5.00</strong>")
    exchange.exchange.difference_due = 5
    expect(render("order.exchange_created", "en", exchange).html).toContain("difference of <strong>€5.00</strong>, which we will charge")
  })

  it("falls back to the default language, then English, for a language without a shipped template", () => {
    expect(shippedTemplate("invite.created", "fr-FR", "de")?.locale).toBe("de")
    expect(shippedTemplate("invite.created", "fr-FR", "it")?.locale).toBe("en")
    expect(shippedTemplate("invite.created", "de-AT", "en")?.locale).toBe("de")
    expect(shippedTemplate("no.such_event", "de", "de")).toBeNull()
  })
})
