import { compileStrict, createTemplateEngine, expandStaffVariables, StaffInfo, toStaffExpressions } from "../render"

const staff: StaffInfo = {
  name: "Anna <Admin> & Co",
  phone: "+49 30 123",
  mobile: "+49 170 456",
  email: "anna@shop.de",
  fax: "+49 30 999",
}

const VARIABLES: Array<[string, keyof StaffInfo]> = [
  ["MITARBEITER", "name"],
  ["MITARBEITER_TELEFON", "phone"],
  ["MITARBEITER_MOBIL", "mobile"],
  ["MITARBEITER_EMAIL", "email"],
  ["MITARBEITER_TELEFAX", "fax"],
]

describe("expandStaffVariables", () => {
  describe.each(VARIABLES)("%s", (variable, key) => {
    const raw = staff[key] as string
    const escaped = raw.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

    it("expands <…> and {…} in plain text, unescaped", () => {
      expect(expandStaffVariables(`a <${variable}> b {${variable}} c`, staff, { html: false })).toBe(
        `a ${raw} b ${raw} c`
      )
    })

    it("expands <…>, {…} and &lt;…&gt; in HTML, escaped", () => {
      const text = `<${variable}>|{${variable}}|&lt;${variable}&gt;`
      expect(expandStaffVariables(text, staff, { html: true })).toBe(`${escaped}|${escaped}|${escaped}`)
    })

    it("expands to empty when the value is unknown or empty (and drops the line it was alone on)", () => {
      const text = `[<${variable}>{${variable}}&lt;${variable}&gt;]`
      expect(expandStaffVariables(`<b>x</b><br>${text}`, {}, { html: true })).toBe("<b>x</b>")
      expect(expandStaffVariables(text, { [key]: "  " }, { html: true })).toBe("")
      expect(expandStaffVariables(`x\n[<${variable}>{${variable}}]`, { [key]: null }, { html: false })).toBe("x")
    })
  })

  it("does not read the entity form in plain text", () => {
    expect(expandStaffVariables("&lt;MITARBEITER&gt;", staff, { html: false })).toBe("&lt;MITARBEITER&gt;")
  })

  it("leaves Handlebars mustaches and lower case alone", () => {
    const text = "{{MITARBEITER}} {{{MITARBEITER}}} <mitarbeiter> <MITARBEITER_FOO>"
    expect(expandStaffVariables(text, staff, { html: false })).toBe(text)
  })
})

describe("toStaffExpressions", () => {
  it("turns every form into an @root._staff expression", () => {
    expect(toStaffExpressions("<MITARBEITER> {MITARBEITER_TELEFON} &lt;MITARBEITER_EMAIL&gt;", { html: true })).toBe(
      "{{@root._staff.name}} {{@root._staff.phone}} {{@root._staff.email}}"
    )
    expect(toStaffExpressions("<MITARBEITER_MOBIL> {MITARBEITER_TELEFAX}", { html: false })).toBe(
      "{{@root._staff.mobile}} {{@root._staff.fax}}"
    )
  })

  it("does not touch text inside mustaches or comments", () => {
    const source = '{{default x "<MITARBEITER>"}}{{!-- {MITARBEITER} }} --}}{{MITARBEITER}}<MITARBEITER>'
    expect(toStaffExpressions(source, { html: true })).toBe(
      '{{default x "<MITARBEITER>"}}{{!-- {MITARBEITER} }} --}}{{MITARBEITER}}{{@root._staff.name}}'
    )
  })

  it("escapes the values when compiled for HTML and works inside #each", () => {
    const source = toStaffExpressions("{{#each items}}<MITARBEITER>;{{/each}}", { html: true })
    const html = compileStrict(createTemplateEngine(), source, { escape: true })({
      items: [1, 2],
      _staff: { name: "A & <B>" },
    })
    expect(html).toBe("A &amp; &lt;B&gt;;A &amp; &lt;B&gt;;")
  })

  it("leaves an unclosed mustache alone and hostile input unchanged", () => {
    expect(toStaffExpressions("<MITARBEITER> {{oops <MITARBEITER>", { html: false })).toBe(
      "{{@root._staff.name}} {{oops <MITARBEITER>"
    )
    const hostile = "{{!-- ".repeat(40_000) + "{{ ".repeat(40_000)
    // Its speed is measured in `npm run bench`, not asserted here.
    expect(toStaffExpressions(hostile, { html: true })).toBe(hostile)
  })
})
