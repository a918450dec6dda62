import { findEvent } from "../events/catalog"
import { renderEmailBlocking } from "../render"
import { signatureVariablesWarning, unfilledStaffVariables } from "../render/staff-variables"
import { expandStaffVariables } from "../render"
import { SHIPPED_TEMPLATES } from "../templates/shipped"

/**
 * Issue 14, points 3–5: what a merchant trips over in the order confirmation.
 * Empty staff values leave no separators, addresses are written the way the
 * destination country writes them, and an order without tax has no tax line.
 */

const SIGNATURE = "<p>Ihr Team<br><MITARBEITER> · <MITARBEITER_TELEFON></p>"

describe("signature lines whose staff values are empty", () => {
  const html = { html: true }

  it("drop the whole line with its break when every variable on it is empty", () => {
    expect(expandStaffVariables(SIGNATURE, {}, html)).toBe("<p>Ihr Team</p>")
    expect(expandStaffVariables("<p><MITARBEITER><br>Ihr Team</p>", {}, html)).toBe("<p>Ihr Team</p>")
    expect(expandStaffVariables("Gruß\n<MITARBEITER>\nIhr Team", { name: " " }, { html: false })).toBe("Gruß\nIhr Team")
  })

  it("keep the tags of a dropped line, so the HTML stays balanced", () => {
    expect(expandStaffVariables("<p>Team<br><strong>&lt;MITARBEITER&gt;</strong></p>", {}, html)).toBe(
      "<p>Team<strong></strong></p>"
    )
  })

  it("lose the separator next to an empty value and keep one between two filled ones", () => {
    expect(expandStaffVariables(SIGNATURE, { name: "Max" }, html)).toBe("<p>Ihr Team<br>Max</p>")
    expect(expandStaffVariables(SIGNATURE, { phone: "030 1" }, html)).toBe("<p>Ihr Team<br>030 1</p>")
    const three = "<MITARBEITER> · <MITARBEITER_TELEFON> | <MITARBEITER_EMAIL>"
    expect(expandStaffVariables(three, { name: "Max", email: "m@x.de" }, html)).toBe("Max · m@x.de")
    expect(expandStaffVariables(three, { name: "Max", phone: "1", email: "m@x.de" }, html)).toBe("Max · 1 | m@x.de")
  })

  it("leave lines without variables untouched, separators included", () => {
    expect(expandStaffVariables("<p>A · B<br>C</p>", {}, html)).toBe("<p>A · B<br>C</p>")
  })

  it("render as 'Ihr Team' in a system-sent order confirmation", () => {
    const mail = renderOrderPlaced({ signature_html: SIGNATURE })
    expect(mail.html).toContain("<p>Ihr Team</p>")
    expect(mail.html).not.toMatch(/Ihr Team\s*(<br>)?\s*·/)
    expect(mail.text).not.toContain("·")
  })
})

describe("account warning SIGNATURE_VARIABLES_UNFILLED", () => {
  it("names the variables the contact person leaves empty", () => {
    expect(unfilledStaffVariables({ signature_html: SIGNATURE, greeting: "Gruß\n{MITARBEITER_EMAIL}" })).toEqual([
      "<MITARBEITER>",
      "<MITARBEITER_TELEFON>",
      "<MITARBEITER_EMAIL>",
    ])
    expect(unfilledStaffVariables({ signature_html: SIGNATURE, contact_name: "Max", contact_phone: " " })).toEqual([
      "<MITARBEITER_TELEFON>",
    ])
    const warning = signatureVariablesWarning({ signature_html: SIGNATURE, contact_name: "Max" })
    expect(warning?.code).toBe("SIGNATURE_VARIABLES_UNFILLED")
    expect(warning?.message_de).toContain("<MITARBEITER_TELEFON>")
  })

  it("is absent when every used variable is filled, or none is used", () => {
    expect(signatureVariablesWarning({ signature_html: SIGNATURE, contact_name: "Max", contact_phone: "1" })).toBeNull()
    expect(signatureVariablesWarning({ signature_html: "<p>Ihr Team</p>", greeting: null })).toBeNull()
  })
})

const BERLIN = {
  first_name: "Erika",
  last_name: "Mustermann",
  address_1: "Invalidenstraße 117",
  postal_code: "10115",
  city: "Berlin",
  province: "Berlin",
  country_code: "de",
}
const VIENNA = { ...BERLIN, address_1: "Stephansplatz 1", postal_code: "1010", city: "Wien", province: "Wien", country_code: "at" }

function renderOrderPlaced(
  account: { signature_html?: string },
  overrides: { order?: Record<string, unknown>; store?: Record<string, unknown>; lang?: "de" | "en" } = {}
) {
  const sample = findEvent("order.placed")!.sample_context as Record<string, any>
  const lang = overrides.lang ?? "de"
  return renderEmailBlocking({
    template: SHIPPED_TEMPLATES["order.placed"][lang],
    context: {
      ...sample,
      order: { ...sample.order, ...overrides.order },
      store: { ...sample.store, ...overrides.store },
    },
    locale: lang,
    currency_code: "eur",
    staff: {},
    account,
  })
}

describe("addresses in the order confirmation", () => {
  it("a German address for a German shop: no state line, no country", () => {
    const mail = renderOrderPlaced({}, {
      order: { shipping_address: BERLIN, billing_address: BERLIN },
      store: { country_code: "DE" },
    })
    expect(mail.html).toContain("Invalidenstraße 117<br>10115 Berlin</td>")
    expect(mail.text).not.toMatch(/^(DE|Berlin|Deutschland)$/m)
  })

  it("an Austrian address: the country written out in the mail's language", () => {
    const order = { shipping_address: VIENNA, billing_address: VIENNA }
    expect(renderOrderPlaced({}, { order, store: { country_code: "DE" } }).html).toContain("1010 Wien<br>Österreich")
    expect(renderOrderPlaced({}, { order, store: { country_code: "DE" }, lang: "en" }).html).toContain(
      "1010 Wien<br>Austria"
    )
  })
})

describe("the tax line", () => {
  it("is printed when the order has tax", () => {
    const mail = renderOrderPlaced({}, { order: { tax_total: 9.45 }, store: { tax_note: "Kein Steuerhinweis" } })
    expect(mail.html).toMatch(/enthaltene MwSt\.<\/td><td[^>]*>9,45\s€/)
    expect(mail.html).not.toContain("Kein Steuerhinweis")
  })

  it("is left out without tax (BigNumber JSON too), the settings' tax note printed instead", () => {
    const note = "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet."
    for (const tax_total of [0, "0", { value: "0", precision: 20 }]) {
      const mail = renderOrderPlaced({}, { order: { tax_total }, store: { tax_note: note } })
      expect(mail.html).not.toContain("MwSt.")
      expect(mail.html).toContain(note)
      expect(mail.text.replace(/\s+/g, " ")).toContain(note)
    }
  })

  it("is left out without tax and without a tax note", () => {
    const mail = renderOrderPlaced({}, { order: { tax_total: 0 }, lang: "en" })
    expect(mail.html).not.toContain("Included tax")
    expect(mail.text).not.toMatch(/0\.00/)
  })
})
