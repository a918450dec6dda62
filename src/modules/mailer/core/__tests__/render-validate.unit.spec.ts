import { MAX_TEMPLATE_BYTES, validateTemplate } from "../render"

const sample = {
  customer: { first_name: "Max", email: "max@example.com" },
  order: {
    display_id: 1001,
    items: [{ title: "Shirt", quantity: 2, variant: { sku: "S-1" } }],
    shipping_address: { city: "Berlin" },
    labels: { a: { text: "x" } },
    empty: [],
  },
}

const warningsFor = (body_html: string, context: object | undefined = sample) =>
  validateTemplate({ subject: "Hi", body_html }, context).warnings.map((w) => w.message)

describe("validateTemplate problems", () => {
  it("accepts a normal template", () => {
    const result = validateTemplate(
      {
        subject: "Bestellung {{order.display_id}}",
        body_html: "{{#each order.items}}{{title}} × {{quantity}}{{/each}} {{money order.total}}",
        body_text: null,
      },
      sample
    )
    expect(result).toEqual({ problems: [], warnings: [] })
  })

  it("reports a parse error with its line", () => {
    const { problems } = validateTemplate({ subject: "Hi", body_html: "<p>a</p>\n<p>b</p>\n{{order.id" })
    expect(problems).toEqual([
      expect.objectContaining({ field: "body_html", line: 3, message: expect.stringMatching(/Parse error/) }),
    ])
  })

  it("reports a mismatched block with line and column", () => {
    const { problems } = validateTemplate({ subject: "Hi", body_html: "x\n{{#if a}}\n {{/each}}" })
    expect(problems).toEqual([
      { field: "body_html", line: 2, column: 4, message: "if doesn't match each" },
    ])
  })

  it("reports built-in blocks without their argument", () => {
    const { problems } = validateTemplate({ subject: "Hi", body_html: "{{#if}}x{{/if}}{{#each}}y{{/each}}" })
    expect(problems.map((p) => p.message)).toEqual([
      "'if' needs exactly one argument",
      "'each' needs exactly one argument",
    ])
  })

  it("reports fields over the size limit", () => {
    const body_html = "x".repeat(MAX_TEMPLATE_BYTES + 1)
    expect(validateTemplate({ subject: "Hi", body_html }).problems).toEqual([
      expect.objectContaining({ field: "body_html", message: "Larger than 256 KB" }),
    ])
    const atLimit = "ä".repeat(MAX_TEMPLATE_BYTES / 2)
    expect(validateTemplate({ subject: "Hi", body_html: atLimit }).problems).toEqual([])
  })

  it("reports an empty subject or body and a non-text field", () => {
    const { problems } = validateTemplate({ subject: "  ", body_html: "" })
    expect(problems.map((p) => p.field)).toEqual(["subject", "body_html"])
    const wrongType = validateTemplate({ subject: "Hi", body_html: 42 as unknown as string })
    expect(wrongType.problems).toEqual([{ field: "body_html", message: "Must be text" }])
  })

  it("checks body_text when given", () => {
    const { problems } = validateTemplate({ subject: "Hi", body_html: "x", body_text: "{{nope x}}" })
    expect(problems).toEqual([expect.objectContaining({ field: "body_text", message: "Unknown helper 'nope'" })])
  })
})

describe("validateTemplate warnings", () => {
  it("warns about an unknown top-level variable once, with its position", () => {
    const { warnings } = validateTemplate(
      { subject: "{{oder.display_id}}", body_html: "<p>\n{{customer.first_name}} {{kunde.name}} {{kunde.email}}</p>" },
      sample
    )
    expect(warnings).toEqual([
      { field: "subject", line: 1, column: 3, message: "Unknown variable 'oder'" },
      { field: "body_html", line: 2, column: 27, message: "Unknown variable 'kunde'" },
    ])
  })

  it("gives no false warning inside #each, #with, sections and block params", () => {
    expect(
      warningsFor(
        [
          "{{#each order.items}}{{title}} {{variant.sku}} {{../customer.first_name}} {{@index}} {{this.quantity}}{{/each}}",
          "{{#each order.items as |item i|}}{{item.title}} {{i}} {{title}}{{/each}}",
          "{{#with customer}}{{first_name}}{{/with}}",
          "{{#with customer as |c|}}{{c.email}}{{/with}}",
          "{{#order.items}}{{title}}{{/order.items}}",
          "{{#each order.labels}}{{text}}{{/each}}",
          "{{#each order.empty}}{{anything}}{{/each}}",
          "{{#if customer}}{{customer.email}}{{else}}{{order.display_id}}{{/if}}",
          "{{#each order.items}}{{#if quantity}}{{title}}{{/if}}{{/each}}",
          "{{@root.customer.email}} {{signature}} {{greeting}} {{_locale}} {{_subject}} {{money 1}}",
        ].join("\n")
      )
    ).toEqual([])
  })

  it("warns inside #each when the item lacks the field", () => {
    expect(warningsFor("{{#each order.items}}{{titel}}{{/each}}")).toEqual(["Unknown variable 'titel'"])
  })

  it("checks helper arguments, ../ paths, @root and the {{else}} branch", () => {
    expect(
      warningsFor(
        "{{money totl}}{{#each order.items}}{{../nope}}{{/each}}{{@root.missing}}{{#each order.items}}x{{else}}{{title}}{{/each}}"
      )
    ).toEqual([
      "Unknown variable 'totl'",
      "Unknown variable 'nope'",
      "Unknown variable '@root.missing'",
      "Unknown variable 'title'",
    ])
  })

  it("gives no warnings without a sample context", () => {
    expect(validateTemplate({ subject: "{{a}}", body_html: "{{whatever}}" }).warnings).toEqual([])
  })
})
