import {
  createTemplateEngine,
  RENDER_LIMITS,
  renderEmailBlocking,
  RenderInput,
  RenderPool,
  TemplateError,
  validateLayout,
  validateTemplate,
  wrapInLayout,
} from "../render"
import { SAMPLE_ORDER_CONTEXT } from "../events/sample-data"
import { ORDER_PLACED_TEMPLATES } from "../templates/defaults/order-placed"
import { SHIPPED_TEMPLATES, shippedTemplate } from "../templates/shipped"

/**
 * The injection and complexity corpus for templates (security issue 8).
 * Every input is refused (TEMPLATE_INVALID / TEMPLATE_TOO_COMPLEX) or
 * rendered within the budget; none throws anything but a TemplateError, and
 * Object.prototype stays as it was. "Within the budget" is asserted by the
 * outcome (the budget's code), never by a stopwatch.
 */

const nest = (open: string, close: string, depth: number, inner = "x") =>
  open.repeat(depth) + inner + close.repeat(depth)

/** The cases from the issue, by name: [template, expected code]. */
const COMPLEXITY: Array<[string, string]> = [
  ["{{#each @root}} nested 7 deep (169 bytes)", nest("{{#each @root}}", "{{/each}}", 7, "{{@key}}")],
  ["50,000 {{x}} (250 KB)", "{{x}}".repeat(50_000)],
  ["{{#if}} nested 1,000 deep", nest("{{#if a}}", "{{/if}}", 1_000)],
  ["{{#if}} nested 10,000 deep", nest("{{#if a}}", "{{/if}}", 10_000)],
  ["subexpressions nested 5,000 deep", `{{eq ${nest("(eq ", ")", 5_000, "1")} 1}}`],
  ["{{else if}} chained 500 times", `{{#if a}}a${"{{else if b}}b".repeat(500)}{{/if}}`],
  ["sections over lists nested 4 deep", nest("{{#order.items}}", "{{/order.items}}", 4)],
  ["a field over 256 KB", "x".repeat(RENDER_LIMITS.maxSourceBytes + 1)],
  ["2,001 expressions", "{{a}}".repeat(1_001)],
]

const INJECTION: string[] = [
  "{{constructor.constructor}}",
  "{{__proto__.polluted}}",
  "{{this.constructor}}",
  "{{@root.constructor.name}}",
  "{{[constructor]}}",
  "{{customer.__defineGetter__}}",
  '{{"constructor"}}',
  '{{"__proto__"}}',
  '{{#"constructor"}}x{{/"constructor"}}',
  '{{eq ("constructor") 1}}',
  '{{lookup this "constructor"}}',
  '{{#each (lookup this "__proto__")}}{{@key}}{{/each}}',
  "{{> footer}}",
  "{{#> layout}}x{{/layout}}",
  "{{* decorator}}",
  '{{#* inline "p"}}x{{/inline}}',
  "{{{{raw}}}} {{x}} {{{{/raw}}}}",
  "{{{customer.first_name}}}",
  "{{& customer.first_name}}",
  '{{log "customer data to the console"}}',
  "{{helperMissing x}}",
  "{{blockHelperMissing x}}",
]

function input(body_html: string, context: Record<string, unknown> = { customer: { first_name: "Max" } }): RenderInput {
  return { template: { subject: "Hallo", body_html }, context, locale: "de", staff: {}, account: {} }
}

function renderError(render: () => unknown): TemplateError {
  try {
    render()
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError)
    return error as TemplateError
  }
  throw new Error("rendered although it should not")
}

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort()

describe("template corpus (security issue 8)", () => {
  const before = prototypeNames()

  afterEach(() => {
    expect(prototypeNames()).toEqual(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it.each(COMPLEXITY)("refuses %s at save as TEMPLATE_TOO_COMPLEX", (_name, body_html) => {
    const { problems } = validateTemplate({ subject: "Hallo", body_html }, SAMPLE_ORDER_CONTEXT)
    expect(problems).toEqual([expect.objectContaining({ field: "body_html", code: "TEMPLATE_TOO_COMPLEX" })])
  })

  it.each(COMPLEXITY)("refuses %s at render as TEMPLATE_TOO_COMPLEX, never a RangeError", (_name, body_html) => {
    expect(renderError(() => renderEmailBlocking(input(body_html, SAMPLE_ORDER_CONTEXT))).code).toBe("TEMPLATE_TOO_COMPLEX")
  })

  it.each(COMPLEXITY)("refuses %s as a layout", (_name, body) => {
    expect(validateLayout(`{{{body}}}${body}`)).toEqual([expect.objectContaining({ code: "TEMPLATE_TOO_COMPLEX" })])
  })

  it.each(INJECTION)("refuses %s at save and at render as TEMPLATE_INVALID", (body_html) => {
    expect(validateTemplate({ subject: "Hallo", body_html }).problems).not.toEqual([])
    expect(renderError(() => renderEmailBlocking(input(body_html))).code).toBe("TEMPLATE_INVALID")
    expect(validateLayout(`{{{body}}}${body_html}`)).not.toEqual([])
  })

  it.each(INJECTION)("refuses %s in the subject and the text part too", (source) => {
    expect(validateTemplate({ subject: source, body_html: "x" }).problems).not.toEqual([])
    expect(validateTemplate({ subject: "x", body_html: "x", body_text: source }).problems).not.toEqual([])
  })

  it("accepts what a mail needs right up to the limits", () => {
    const loops = nest("{{#each order.items}}", "{{/each}}", RENDER_LIMITS.maxLoopNesting, "{{title}}")
    const deep = nest("{{#if a}}", "{{/if}}", RENDER_LIMITS.maxDepth - 1)
    for (const body_html of [loops, deep, "{{a}}".repeat(RENDER_LIMITS.maxNodes / 2)]) {
      expect(validateTemplate({ subject: "Hallo", body_html }).problems).toEqual([])
    }
  })
})

describe("render meter: data that makes an accepted template explode", () => {
  const list = Array.from({ length: 100 }, (_, i) => i)

  it("stops loops over the iteration budget (100 × 100 × 100 iterations)", () => {
    const body = nest("{{#each @root.list}}", "{{/each}}", 3, ".")
    expect(validateTemplate({ subject: "x", body_html: body }).problems).toEqual([])
    const error = renderError(() => renderEmailBlocking(input(body, { list })))
    expect(error.code).toBe("TEMPLATE_TOO_COMPLEX")
    expect(error.problems[0]!.message).toMatch(/more than 20000 times/)
  })

  it("counts sections over lists ({{#list}}) like {{#each}}", () => {
    const body = "{{#list}}{{#@root.list}}{{#@root.list}}.{{/@root.list}}{{/@root.list}}{{/list}}"
    expect(renderError(() => renderEmailBlocking(input(body, { list }))).code).toBe("TEMPLATE_TOO_COMPLEX")
  })

  it("stops loops whose output grows beyond the output budget", () => {
    const big = "x".repeat(1024 * 1024)
    const error = renderError(() => renderEmailBlocking(input("{{#each list}}{{@root.big}}{{/each}}", { list, big })))
    expect(error.code).toBe("TEMPLATE_TOO_COMPLEX")
    expect(error.problems[0]!.message).toMatch(/loops produce more than 4 MB/)
  })

  it("refuses a finished mail over the output budget", () => {
    const huge = "x".repeat(RENDER_LIMITS.maxOutputBytes)
    expect(renderError(() => renderEmailBlocking(input("{{huge}}", { huge }))).code).toBe("TEMPLATE_TOO_COMPLEX")
  })

  it("renders the same loops over normal data", () => {
    const rendered = renderEmailBlocking(input(nest("{{#each @root.list}}", "{{/each}}", 2, "."), { list: [1, 2, 3] }))
    expect(rendered.html).toContain(".........")
  })
})

describe("staff variables and layout (findings 4 and 8)", () => {
  const staff = { name: "Karla Kundenservice" }

  it.each(["{<MITARBEITER>}", "{&lt;MITARBEITER&gt;}", "<MITARBEITER>}", "{<MITARBEITER>"])(
    "normalises %s instead of breaking every mail",
    (variable) => {
      const body_html = `<p>Ihr ${variable}</p>`
      const subject = `Von ${variable.replace("&lt;", "<").replace("&gt;", ">")}`
      expect(validateTemplate({ subject, body_html }).problems).toEqual([])
      const rendered = renderEmailBlocking({ ...input(body_html), template: { subject, body_html }, staff })
      expect(rendered.html).toContain("<p>Ihr Karla Kundenservice</p>")
      expect(rendered.subject).toBe("Von Karla Kundenservice")
      expect(validateLayout(`<div>{<MITARBEITER>}</div>{{{body}}}`)).toEqual([])
    }
  )

  it("compiles a layout once, whatever the body", () => {
    const engine = createTemplateEngine()
    const compile = jest.spyOn(engine, "compile")
    const layout = "<main>{{_subject}}{{{body}}}</main>"
    expect(wrapInLayout(engine, layout, "<p>eins</p>", { _subject: "A" })).toBe("<main>A<p>eins</p></main>")
    expect(wrapInLayout(engine, layout, "<p>zwei</p>", { _subject: "B" })).toBe("<main>B<p>zwei</p></main>")
    expect(compile).toHaveBeenCalledTimes(1)
  })

  it("keeps customer data that looks like the body marker as text", () => {
    const rendered = renderEmailBlocking(input("<p>{{customer.first_name}}</p>", { customer: { first_name: "{{@mailerBody}}" } }))
    expect(rendered.html).toContain("<p>{{@mailerBody}}</p>")
  })
})

describe("shipped templates by name (finding 9)", () => {
  it("finds only own entries, never the prototype's", () => {
    expect(SHIPPED_TEMPLATES["constructor"]).toBeUndefined()
    expect(SHIPPED_TEMPLATES["__proto__"]).toBeUndefined()
    expect(shippedTemplate("constructor", "name", "en")).toBeNull()
    expect(shippedTemplate("order.placed", "constructor", "toString")?.locale).toBe("en")
    expect(SHIPPED_TEMPLATES["order.placed"]!["constructor"]).toBeUndefined()
  })
})

describe("render worker: the wall-time budget", () => {
  const pool = new RenderPool(1)
  afterAll(() => pool.close())

  it("renders a shipped mail exactly as on the calling thread", async () => {
    const mail: RenderInput = { ...input(""), template: ORDER_PLACED_TEMPLATES.de!, context: SAMPLE_ORDER_CONTEXT, currency_code: "eur" }
    await expect(pool.render(mail)).resolves.toEqual(renderEmailBlocking(mail))
  })

  it("terminates a render over its time, keeps the event loop free meanwhile and renders the next mail", async () => {
    // Limits opened so that only the clock can stop it: 10^9 loop iterations.
    const unlimited = { ...RENDER_LIMITS, maxIterations: Number.MAX_SAFE_INTEGER, maxOutputBytes: Number.MAX_SAFE_INTEGER }
    const list = Array.from({ length: 1000 }, (_, i) => i)
    const body = nest("{{#each @root.list}}", "{{/each}}", 3, "{{#if false}}.{{/if}}")
    let settled = false
    const slow = pool.render(input(body, { list }), { timeoutMs: 500, limits: unlimited }).finally(() => {
      settled = true
    })
    // The calling thread keeps working while the worker spins.
    expect(renderEmailBlocking(input("<p>{{customer.first_name}}</p>")).html).toContain("<p>Max</p>")
    expect(settled).toBe(false)
    const error = await slow.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TemplateError)
    expect(error).toMatchObject({ code: "TEMPLATE_TOO_COMPLEX", problems: [expect.objectContaining({ message: expect.stringMatching(/longer than 500 ms/) })] })
    await expect(pool.render(input("<p>{{customer.first_name}}</p>"))).resolves.toMatchObject({ subject: "Hallo" })
  })

  it("rejects only with TemplateError: invalid template, data that is not JSON", async () => {
    await expect(pool.render(input(nest("{{#each @root}}", "{{/each}}", 7)))).rejects.toMatchObject({ code: "TEMPLATE_TOO_COMPLEX" })
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    await expect(pool.render(input("x", cyclic))).rejects.toBeInstanceOf(TemplateError)
  })

  it("counts a mail's time from when its worker is loaded, not while the worker starts", async () => {
    const slowStart = new RenderPool(1, require.resolve("./fixtures/slow-start-worker-entry"))
    const rendered = await slowStart.render(input("<p>x</p>"), { timeoutMs: 500 }).finally(() => slowStart.close())
    expect(rendered.html).toContain("<p>x</p>")
  })

  it("fails the mail, not the caller, when a worker cannot start", async () => {
    const broken = new RenderPool(1, "/nonexistent/render-worker-entry.js")
    const error = await broken.render(input("<p>x</p>")).catch((e: unknown) => e)
    await broken.close()
    expect(error).toBeInstanceOf(TemplateError)
    expect(error).toMatchObject({ code: "TEMPLATE_RENDER", message: expect.stringMatching(/render worker failed/) })
  })
})
