import {
  createTemplateEngine,
  DEFAULT_LAYOUT_HTML,
  htmlToTextPart,
  TemplateError,
  validateLayout,
  wrapInLayout,
} from "../render"

function layoutError(fn: () => unknown): TemplateError {
  try {
    fn()
  } catch (error) {
    if (error instanceof TemplateError) return error
    throw error
  }
  throw new Error("expected a TemplateError")
}

describe("wrapInLayout", () => {
  const engine = createTemplateEngine()
  const data = { _locale: "de", _subject: "Ihre Bestellung <#1001> & mehr", store: { name: "<b>Shop</b>" } }

  it("wraps in the default layout with lang and an escaped title", () => {
    const html = wrapInLayout(engine, null, "<p>Body</p>", data)
    expect(html).toContain('<html lang="de">')
    expect(html).toContain("<title>Ihre Bestellung &lt;#1001&gt; &amp; mehr</title>")
    expect(html).toContain("<p>Body</p>")
    expect(html).toContain("max-width:600px")
    expect(html).not.toContain("{{{body}}}")
  })

  it("puts the body in unchanged, even if it contains Handlebars syntax or $ patterns", () => {
    const body = "<p>{{evil}} $& $1 $$</p>"
    expect(wrapInLayout(engine, "<div>{{{body}}}</div>", body, data)).toBe(`<div>${body}</div>`)
  })

  it("escapes everything else in a custom layout", () => {
    const layout = "<header>{{store.name}}</header>{{{ body }}}<footer>{{default store.missing \"–\"}}</footer>"
    expect(wrapInLayout(engine, layout, "<p>x</p>", data)).toBe(
      "<header>&lt;b&gt;Shop&lt;/b&gt;</header><p>x</p><footer>–</footer>"
    )
  })

  it("expands staff variables in the layout, escaped", () => {
    const layout = "{{{body}}}<footer>&lt;MITARBEITER&gt; {MITARBEITER_EMAIL}</footer>"
    const withStaff = { ...data, _staff: { name: "A & B", email: "a@shop.de" } }
    expect(wrapInLayout(engine, layout, "<p>x</p>", withStaff)).toBe("<p>x</p><footer>A &amp; B a@shop.de</footer>")
  })

  it("uses the default layout for an empty one", () => {
    expect(wrapInLayout(engine, "   ", "<p>x</p>", data)).toContain("<!DOCTYPE html>")
  })

  it("rejects a layout without {{{body}}}", () => {
    const error = layoutError(() => wrapInLayout(engine, "<div>{{body}}</div>", "<p>x</p>", data))
    expect(error.code).toBe("TEMPLATE_INVALID")
    expect(error.problems).toEqual([expect.objectContaining({ field: "layout_html" })])
  })

  it("rejects any other unescaped output, partial or unknown helper in a layout", () => {
    for (const layout of ["{{{body}}}{{{store.name}}}", "{{{body}}}{{> footer}}", "{{{body}}}{{evil x}}"]) {
      const error = layoutError(() => wrapInLayout(engine, layout, "<p>x</p>", data))
      expect(error.problems[0]).toEqual(expect.objectContaining({ field: "layout_html", line: 1 }))
    }
  })

  it("rejects a layout that shows the body zero or two times, already when it is saved", () => {
    expect(validateLayout("{{{body}}}{{{body}}}")).toEqual([expect.objectContaining({ field: "layout_html" })])
    for (const layout of ["{{#if nope}}{{{body}}}{{/if}}", "{{#each list}}{{{body}}}{{/each}}", "{{!-- {{{body}}} --}}x"]) {
      expect(validateLayout(layout)).toEqual([expect.objectContaining({ field: "layout_html" })])
      expect(layoutError(() => wrapInLayout(engine, layout, "<p>x</p>", data)).code).toBe("TEMPLATE_INVALID")
    }
    // Writing the internal expression by hand does not add a second body.
    expect(validateLayout("{{{body}}}{{@mailerBody}}")).toEqual([expect.objectContaining({ field: "layout_html" })])
  })

  it("validates the shipped default layout", () => {
    expect(validateLayout(DEFAULT_LAYOUT_HTML)).toEqual([])
  })
})

describe("htmlToTextPart", () => {
  it("keeps links as text [url], drops images and wraps at 78", () => {
    const long = "Wort ".repeat(40)
    const text = htmlToTextPart(
      `<p>Hallo <b>Max</b></p><p><a href="https://shop.de/track">Sendung verfolgen</a><img src="logo.png" alt="Logo"></p><p>${long}</p>`
    )
    expect(text).toContain("Hallo Max")
    expect(text).toContain("Sendung verfolgen [https://shop.de/track]")
    expect(text).not.toContain("Logo")
    expect(text).not.toContain("logo.png")
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(78)
  })

  it("lays out tables as readable rows", () => {
    const text = htmlToTextPart(
      "<table><tr><th>Artikel</th><th>Preis</th></tr><tr><td>Shirt &amp; Hose</td><td>19,99 €</td></tr></table>"
    )
    const lines = text.split("\n")
    expect(lines[0]).toMatch(/^Artikel\s+Preis$/)
    expect(lines[1]).toMatch(/^Shirt & Hose\s+19,99 €$/)
  })

  it("keeps headings in their case and returns empty for empty HTML", () => {
    expect(htmlToTextPart("<h1>Danke für Ihre Bestellung</h1>")).toBe("Danke für Ihre Bestellung")
    expect(htmlToTextPart("  ")).toBe("")
  })
})
