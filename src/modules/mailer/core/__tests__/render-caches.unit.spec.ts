import { renderEmail, renderEmailBlocking, RENDER_LIMITS, validateTemplate } from "../render"
import { formatDate, formatMoney, normaliseLocale, normaliseTimeZone } from "../render/format-helpers"
import { ORDER_PLACED_TEMPLATES } from "../templates/defaults/order-placed"
import { SAMPLE_ORDER_CONTEXT } from "../events/sample-data"

/**
 * The render keeps Intl formatters, checked sources and converted signatures
 * between mails (issue 10). These tests pin that nothing remembered leaks from
 * one mail into another: a different locale, currency, zone, limit or
 * signature must give a different result, as without the caches.
 */
const money = (amount: unknown, currency: unknown, locale: string) =>
  formatMoney({ params: [amount, currency], root: { _locale: locale }, plainText: false })
const date = (value: string, style: string, locale: string, zone: string) =>
  formatDate({ params: [value, style], root: { _locale: locale, _timezone: zone }, plainText: false })

describe("render caches", () => {
  it("formats money per locale and currency, also after the formatter was cached", () => {
    for (let i = 0; i < 2; i++) {
      expect(money(1234.5, "eur", "de-DE")).toBe("1.234,50\u00a0€")
      expect(money(1234.5, "eur", "en")).toBe("€1,234.50")
      expect(money(1234.5, "usd", "en")).toBe("$1,234.50")
      expect(money(1234.5, undefined, "de")).toBe("1.234,50")
    }
  })

  it("formats dates per locale, style and zone, also after the formatter was cached", () => {
    const instant = "2026-11-23T23:30:00.000Z"
    for (let i = 0; i < 2; i++) {
      expect(date(instant, "long", "de", "Europe/Berlin")).toBe("24. November 2026")
      expect(date(instant, "long", "en", "UTC")).toBe("November 23, 2026")
      expect(date(instant, "short", "de", "UTC")).toBe("23.11.2026")
    }
  })

  it("remembers refusals too: an unusable locale or zone stays unusable", () => {
    for (let i = 0; i < 2; i++) {
      expect(normaliseLocale("not a locale!")).toBe("en")
      expect(normaliseLocale("de_AT")).toBe("de-AT")
      expect(normaliseTimeZone("Mars/Olympus")).toBeUndefined()
      expect(normaliseTimeZone("Europe/Vienna")).toBe("Europe/Vienna")
    }
  })

  it("checks a source against the limits it is rendered with, not the ones it was first checked with", () => {
    const template = { subject: "x", body_html: "{{#if a}}{{#if b}}{{#if c}}y{{/if}}{{/if}}{{/if}}" }
    expect(validateTemplate(template, {}).problems).toEqual([])
    const tight = { ...RENDER_LIMITS, maxDepth: 2 }
    expect(validateTemplate(template, {}, tight).problems.map((p) => p.code)).toContain("TEMPLATE_TOO_COMPLEX")
    expect(validateTemplate(template, {}).problems).toEqual([])
  })

  it("reports unknown variables against each mail's own data", () => {
    const template = { subject: "x", body_html: "{{name}} {{city}}" }
    expect(validateTemplate(template, { name: "A", city: "B" }).warnings).toEqual([])
    expect(validateTemplate(template, { name: "A" }).warnings.map((w) => w.message)).toEqual(["Unknown variable 'city'"])
  })

  it("gives each account its own signature text", () => {
    const render = (signature: string) =>
      renderEmailBlocking({
        template: { subject: "x", body_html: "<p>Hallo</p>", body_text: "Hallo" },
        context: {},
        locale: "de",
        staff: {},
        account: { signature_html: signature },
      }).text
    expect(render("<p>Shop A</p>")).toBe("Hallo\n\nShop A")
    expect(render("<p>Shop B</p>")).toBe("Hallo\n\nShop B")
  })

  it("renders in the worker exactly what the calling thread renders (one JSON round trip)", async () => {
    const input = {
      template: ORDER_PLACED_TEMPLATES.de,
      context: { ...SAMPLE_ORDER_CONTEXT, big: BigInt(7), when: new Date("2026-11-23T10:15:00.000Z") },
      locale: "de-DE",
      currency_code: "eur",
      staff: { name: "Karla" },
      account: { signature_html: "<p><MITARBEITER></p>", greeting: "Grüße" },
    }
    const inWorker = await renderEmail(input)
    expect(inWorker).toEqual(renderEmailBlocking(input))
    expect(inWorker.html).toContain("Karla")
  })

  it("treats data that is not a JSON object as no data, in the worker as on the calling thread", async () => {
    for (const context of [[1, 2], null, "text"]) {
      const input = { template: { subject: "s{{a}}", body_html: "<p>b{{a}}</p>" }, context: context as never, locale: "de", staff: {}, account: {} }
      const rendered = await renderEmail(input)
      expect(rendered.subject).toBe("s")
      expect(rendered).toEqual(renderEmailBlocking(input))
    }
  })
})
