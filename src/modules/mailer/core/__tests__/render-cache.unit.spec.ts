import { BoundedCache } from "../render/bounded-cache"
import { compileStrict, createTemplateEngine } from "../render/handlebars-env"
import { renderEmailBlocking } from "../render"

describe("compiled template cache", () => {
  it("evicts the least recently used entry beyond its bound", () => {
    const cache = new BoundedCache<number>(2)
    cache.set("a", 1)
    cache.set("b", 2)
    expect(cache.get("a")).toBe(1) // a is now the most recent
    cache.set("c", 3)
    expect(cache.get("b")).toBeUndefined()
    expect(cache.get("a")).toBe(1)
    expect(cache.get("c")).toBe(3)
    expect(cache.size).toBe(2)
  })

  it("compiles a source once per engine and escaping mode", () => {
    const engine = createTemplateEngine()
    const html = compileStrict(engine, "Hallo {{name}}", { escape: true })
    expect(compileStrict(engine, "Hallo {{name}}", { escape: true })).toBe(html)
    const plain = compileStrict(engine, "Hallo {{name}}", { escape: false })
    expect(plain).not.toBe(html)
    expect(html({ name: "<b>" })).toBe("Hallo &lt;b&gt;")
    expect(plain({ name: "<b>" })).toBe("Hallo <b>")
    expect(compileStrict(createTemplateEngine(), "Hallo {{name}}", { escape: true })).not.toBe(html)
  })

  it("renders different data through the same cached template", () => {
    const template = { subject: "Bestellung {{order.id}}", body_html: "<p>{{customer_name}}</p>" }
    const render = (name: string) =>
      renderEmailBlocking({ template, context: { order: { id: 1 }, customer_name: name }, locale: "de", staff: {}, account: {} })
    expect(render("Erika").html).toContain("<p>Erika</p>")
    expect(render("<i>Max</i>").html).toContain("<p>&lt;i&gt;Max&lt;/i&gt;</p>")
  })

  it("still rejects a bad template on every call, not only the first", () => {
    const bad = { subject: "x", body_html: "{{{raw}}}" }
    for (let i = 0; i < 2; i++) {
      expect(() => renderEmailBlocking({ template: bad, context: {}, locale: "de", staff: {}, account: {} })).toThrow(
        expect.objectContaining({ code: "TEMPLATE_INVALID" })
      )
    }
  })
})
