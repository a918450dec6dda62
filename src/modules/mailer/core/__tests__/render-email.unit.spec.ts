import { renderEmailBlocking, RenderInput, TemplateError } from "../render"

/** Stand-in for Medusa's BigNumber: a class whose JSON form is its number. */
class FakeBigNumber {
  constructor(private readonly amount: number) {}
  toJSON(): number {
    return this.amount
  }
}

function baseInput(overrides: Partial<RenderInput> = {}): RenderInput {
  return {
    template: {
      subject: "Bestellung {{order.display_id}} für {{customer.first_name}}",
      body_html:
        "<p>{{greeting}}</p><p>Hallo {{customer.first_name}},</p>" +
        "<ul>{{#each order.items}}<li>{{title}}: {{money (multiply unit_price quantity)}}</li>{{/each}}</ul>" +
        "<p>Summe: {{money order.total}}</p>{{signature}}",
    },
    context: {
      customer: { first_name: "Max" },
      order: { display_id: 1001, total: new FakeBigNumber(39.98), items: [{ title: "Shirt", unit_price: 19.99, quantity: 2 }] },
    },
    locale: "de",
    currency_code: "eur",
    staff: { name: "Anna Admin", phone: "+49 30 123", email: "anna@shop.de" },
    account: {
      signature_html: "<p><b>Ihr Shop-Team</b><br>&lt;MITARBEITER&gt;, Tel. <MITARBEITER_TELEFON></p>",
      greeting: "Guten Tag,\nschön, dass Sie da sind & bleiben.",
    },
    ...overrides,
  }
}

const euro = (amount: number) => new Intl.NumberFormat("de", { style: "currency", currency: "EUR" }).format(amount)

function renderError(input: RenderInput): TemplateError {
  try {
    renderEmailBlocking(input)
  } catch (error) {
    if (error instanceof TemplateError) return error
    throw error
  }
  throw new Error("expected a TemplateError")
}

describe("renderEmailBlocking", () => {
  it("renders subject, HTML in the default layout and a text part", () => {
    const out = renderEmailBlocking(baseInput())
    expect(out.subject).toBe("Bestellung 1001 für Max")
    expect(out.html).toContain('<html lang="de">')
    expect(out.html).toContain("<title>Bestellung 1001 für Max</title>")
    expect(out.html).toContain(`<li>Shirt: ${euro(39.98)}</li>`)
    expect(out.html).toContain(`Summe: ${euro(39.98)}`)
    expect(out.text).toContain("Hallo Max,")
    expect(out.text).toContain(`Summe: ${euro(39.98)}`)
    expect(out.warnings).toEqual([])
  })

  it("escapes customer data in HTML but not in the subject", () => {
    const context = { customer: { first_name: "<img src=x onerror=alert(1)> & Co" }, order: { display_id: 1, items: [] } }
    const out = renderEmailBlocking(baseInput({ context }))
    expect(out.html).toContain("Hallo &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; &amp; Co,")
    expect(out.html).not.toContain("<img src=x")
    expect(out.subject).toBe("Bestellung 1 für <img src=x onerror=alert(1)> & Co")
  })

  it("inserts the signature as HTML with escaped staff values, and the greeting escaped with <br>", () => {
    const out = renderEmailBlocking(baseInput({ staff: { name: "Anna <A> & B", phone: "+49 30 123" } }))
    expect(out.html).toContain("<p><b>Ihr Shop-Team</b><br>Anna &lt;A&gt; &amp; B, Tel. +49 30 123</p>")
    expect(out.html).toContain("<p>Guten Tag,<br>schön, dass Sie da sind &amp; bleiben.</p>")
    expect(out.text).toContain("Ihr Shop-Team\nAnna <A> & B, Tel. +49 30 123")
  })

  it("expands staff variables in subject and body, in every form, never in customer data", () => {
    const out = renderEmailBlocking(
      baseInput({
        template: {
          subject: "Ihr Ansprechpartner: <MITARBEITER> {MITARBEITER_EMAIL}",
          body_html: "<p>&lt;MITARBEITER&gt; {MITARBEITER_TELEFON} <MITARBEITER_MOBIL>.</p><p>{{customer.first_name}}</p>",
        },
        context: { customer: { first_name: "<MITARBEITER_EMAIL>" } },
      })
    )
    expect(out.subject).toBe("Ihr Ansprechpartner: Anna Admin anna@shop.de")
    expect(out.html).toContain("<p>Anna Admin +49 30 123 .</p>")
    expect(out.html).toContain("<p>&lt;MITARBEITER_EMAIL&gt;</p>")
  })

  it("renders an explicit text part unescaped and appends the signature as text", () => {
    const out = renderEmailBlocking(
      baseInput({
        template: { subject: "Hi", body_html: "<p>x</p>", body_text: "Hallo {{customer.first_name}} & Team\r\n<MITARBEITER>" },
        context: { customer: { first_name: "Tom & Jerry" } },
      })
    )
    expect(out.text).toBe("Hallo Tom & Jerry & Team\nAnna Admin\n\nIhr Shop-Team\nAnna Admin, Tel. +49 30 123")
  })

  it("does not append the signature twice when the text part places it", () => {
    const out = renderEmailBlocking(
      baseInput({ template: { subject: "Hi", body_html: "<p>x</p>", body_text: "Hallo\n\n{{signature}}\nPS" } })
    )
    expect(out.text).toBe("Hallo\n\nIhr Shop-Team\nAnna Admin, Tel. +49 30 123\nPS")
  })

  it("generates the text part from the body without the layout chrome", () => {
    const layout_html = "<div>HEADER {{_subject}}</div>{{{body}}}<div>FOOTER</div>"
    const out = renderEmailBlocking(baseInput({ layout_html }))
    expect(out.html).toMatch(/^<div>HEADER Bestellung 1001 für Max<\/div>/)
    expect(out.text).not.toContain("HEADER")
    expect(out.text).not.toContain("FOOTER")
    expect(out.text).toContain("Ihr Shop-Team")
  })

  it("always has a text part when there is HTML", () => {
    const out = renderEmailBlocking(baseInput({ template: { subject: "Nur ein Bild", body_html: '<img src="x.png">' }, account: {} }))
    expect(out.text).toBe("Nur ein Bild")
  })

  it("returns unknown-variable warnings against the real context", () => {
    const out = renderEmailBlocking(baseInput({ template: { subject: "Hi", body_html: "<p>{{custmer.first_name}}</p>" } }))
    expect(out.warnings).toEqual([expect.objectContaining({ field: "body_html", message: "Unknown variable 'custmer'" })])
  })

  it("does not mutate the caller's context and keeps reserved keys for itself", () => {
    const input = baseInput({ template: { subject: "{{_locale}}", body_html: "<p>{{_staff.name}}|{{_currency}}</p>" } })
    input.context._locale = "xx"
    const snapshot = JSON.stringify(input.context)
    const out = renderEmailBlocking(input)
    expect(out.subject).toBe("de")
    expect(out.html).toContain("<p>Anna Admin|EUR</p>")
    expect(JSON.stringify(input.context)).toBe(snapshot)
  })

  it("throws TEMPLATE_INVALID with every problem before rendering", () => {
    const error = renderError(baseInput({ template: { subject: "{{{x}}}", body_html: "<p>{{nope 1}}</p>" } }))
    expect(error.code).toBe("TEMPLATE_INVALID")
    expect(error.problems.map((p) => p.field)).toEqual(["subject", "body_html"])
  })

  it("throws TEMPLATE_INVALID for a bad layout and TEMPLATE_RENDER for unserialisable data", () => {
    expect(renderError(baseInput({ layout_html: "<div>no body</div>" })).problems[0]!.field).toBe("layout_html")
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    const error = renderError(baseInput({ context: cyclic }))
    expect(error.code).toBe("TEMPLATE_RENDER")
  })
})
