import { compileOptions } from "../render/handlebars-env"
import {
  compileStrict,
  createTemplateEngine,
  renderEmailBlocking,
  RenderInput,
  TemplateError,
  validateTemplate,
} from "../render"

const ATTACKS = [
  "{{constructor.constructor}}",
  "{{__proto__.x}}",
  '{{lookup this "constructor"}}',
  "{{#with __proto__}}x{{/with}}",
  '{{constructor.constructor "globalThis.pwned = 1"}}',
  "{{#with constructor}}{{#with prototype}}{{polluted}}{{/with}}{{/with}}",
  '{{#each (lookup this "__proto__")}}{{@key}}{{/each}}',
]

function input(body_html: string): RenderInput {
  return {
    template: { subject: "Hi", body_html },
    context: { customer: { first_name: "Max" } },
    locale: "de",
    staff: {},
    account: {},
  }
}

function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort()
}

describe("template attacks", () => {
  const before = prototypeSnapshot()

  afterEach(() => {
    expect(prototypeSnapshot()).toEqual(before)
    expect(({} as Record<string, unknown>).x).toBeUndefined()
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined()
  })

  it.each(ATTACKS)("validateTemplate rejects %s", (attack) => {
    expect(validateTemplate({ subject: "Hi", body_html: attack }).problems).not.toEqual([])
  })

  it.each(ATTACKS)("renderEmailBlocking fails with TemplateError for %s", (attack) => {
    expect(() => renderEmailBlocking(input(attack))).toThrow(TemplateError)
    try {
      renderEmailBlocking(input(attack))
    } catch (error) {
      expect((error as TemplateError).code).toBe("TEMPLATE_INVALID")
    }
  })

  it.each(ATTACKS)("compileStrict refuses %s even without validation", (attack) => {
    expect(() => compileStrict(createTemplateEngine(), attack, { escape: true })({})).toThrow(TemplateError)
  })

  // Below the allow-list: the engine itself, with our compile options, gives nothing away.
  it.each([
    ["{{constructor.constructor}}", ""],
    ["{{__proto__.x}}", ""],
    ["{{#with __proto__}}x{{/with}}", ""],
    ["{{#with constructor}}{{name}}{{/with}}", ""],
    ["[{{toString}}{{hasOwnProperty}}{{valueOf}}]", "[]"],
  ])("the raw engine renders %s as %j", (source, expected) => {
    const template = createTemplateEngine().compile(source, compileOptions(true))
    expect(template({ a: 1 }, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false })).toBe(expected)
  })

  it("the raw engine has no lookup, log or inline", () => {
    const engine = createTemplateEngine()
    expect(engine.helpers.lookup).toBeUndefined()
    expect(engine.helpers.log).toBeUndefined()
    expect(engine.decorators.inline).toBeUndefined()
    const lookup = engine.compile('{{lookup this "constructor"}}', compileOptions(true))
    expect(() => lookup({})).toThrow(/unknown helper lookup/)
  })

  it("does not touch the global Handlebars instance", () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const globalHandlebars = require("handlebars")
    createTemplateEngine()
    expect(globalHandlebars.helpers.money).toBeUndefined()
    expect(globalHandlebars.helpers.lookup).toBeDefined()
  })

  it("an own __proto__ key in the data is plain data, not the prototype", () => {
    const context = JSON.parse('{"__proto__": {"polluted": "yes"}}') as Record<string, unknown>
    const out = renderEmailBlocking({ ...input("<p>{{customer.first_name}}</p>"), context })
    expect(out.html).toContain("<p></p>")
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe("rejected constructs carry line numbers", () => {
  it.each([
    ["{{{x}}}", /Unescaped/, 3],
    ["{{& x}}", /Unescaped/, 3],
    ["{{* deco}}", /Decorators/, 3],
    ['{{#* inline "p"}}x{{/inline}}', /Decorators/, 3],
    ["{{> partial}}", /Partials/, 3],
    ["{{#> layout}}x{{/layout}}", /Partials/, 3],
    ["{{unknownHelper x}}", /Unknown helper 'unknownHelper'/, 3],
    ["{{#unknownBlock x}}y{{/unknownBlock}}", /Unknown helper 'unknownBlock'/, 3],
    ["{{money (unknownSub x)}}", /Unknown helper 'unknownSub'/, 11],
    ["{{log x}}", /Unknown helper 'log'/, 3],
    ["{{helperMissing x}}", /Unknown helper 'helperMissing'/, 3],
    ['{{"lookup" this "constructor"}}', /Unknown helper 'lookup'/, 3],
  ] as Array<[string, RegExp, number]>)("%s", (construct, message, column) => {
    const body_html = `<p>Hallo</p>\n<p>\n  ${construct}\n</p>`
    const { problems } = validateTemplate({ subject: "Hi", body_html })
    const problem = problems.find((p) => message.test(p.message))
    expect(problem).toEqual(expect.objectContaining({ field: "body_html", line: 3, column }))
  })

  it("rejects them in the subject and the text part too", () => {
    const { problems } = validateTemplate({ subject: "{{{x}}}", body_html: "<p>x</p>", body_text: "a\n{{> p}}" })
    expect(problems).toEqual([
      expect.objectContaining({ field: "subject", line: 1, message: expect.stringMatching(/Unescaped/) }),
      expect.objectContaining({ field: "body_text", line: 2, message: expect.stringMatching(/Partials/) }),
    ])
  })
})

describe("header injection", () => {
  it("a customer name with CR/LF gives a single-line subject", () => {
    const out = renderEmailBlocking({
      ...input("<p>x</p>"),
      template: { subject: "Bestellung für {{customer.name}}", body_html: "<p>x</p>" },
      context: { customer: { name: "Max\r\nBcc: evil@x\n\rX-Other: 1" } },
    })
    expect(out.subject).toBe("Bestellung für Max Bcc: evil@x X-Other: 1")
    expect(out.subject).not.toMatch(/[\r\n]/)
  })

  it("a subject template with a line break is rejected", () => {
    const { problems } = validateTemplate({ subject: "Hallo\r\nBcc: x", body_html: "<p>x</p>" })
    expect(problems).toEqual([expect.objectContaining({ field: "subject", line: 2 })])
  })
})
