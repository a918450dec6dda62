import { compileStrict, createTemplateEngine, KNOWN_HELPERS } from "../render"

/** Renders `source` with our engine; `escape` false is the subject/text mode. */
function render(source: string, data: object, escape = true): string {
  return compileStrict(createTemplateEngine(), source, { escape })(data)
}

const currency = (locale: string, code: string, amount: number): string =>
  new Intl.NumberFormat(locale, { style: "currency", currency: code }).format(amount)

/** Intl puts U+00A0 or U+202F before "€" depending on the ICU version. */
const spaces = (s: string): string => s.replace(/[\u00a0\u202f]/g, " ")

describe("money", () => {
  it("formats major units in German exactly as Intl does", () => {
    const out = render('{{money total "eur"}}', { _locale: "de", total: 19.99 })
    expect(out).toBe(currency("de", "EUR", 19.99))
    expect(spaces(out)).toBe("19,99 €")
  })

  it("formats en-US with the symbol first", () => {
    expect(render('{{money total "EUR"}}', { _locale: "en-US", total: 19.99 })).toBe("€19.99")
  })

  it("uses @root._currency when no currency is passed, also inside #each", () => {
    const data = { _locale: "de-DE", _currency: "eur", items: [{ price: 5 }] }
    expect(render("{{#each items}}{{money price}}{{/each}}", data)).toBe(currency("de-DE", "EUR", 5))
  })

  it("accepts numeric strings and BigNumber JSON", () => {
    const data = { _locale: "de", a: "19.99", b: { value: "19.99" }, c: { numeric: 19.99 } }
    const expected = currency("de", "EUR", 19.99)
    expect(render('{{money a "eur"}}|{{money b "eur"}}|{{money c "eur"}}', data)).toBe(
      `${expected}|${expected}|${expected}`
    )
  })

  it("renders missing or invalid amounts as empty", () => {
    const data = { _locale: "de", _currency: "EUR", s: "abc", e: "", n: null, o: { value: "x" }, t: true }
    expect(render("[{{money missing}}{{money s}}{{money e}}{{money n}}{{money o}}{{money t}}]", data)).toBe("[]")
  })

  it("formats a plain number when there is no usable currency", () => {
    expect(render('{{money 1234.5 "euro"}}', { _locale: "de" })).toBe(
      new Intl.NumberFormat("de", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(1234.5)
    )
  })

  it("falls back to English for an unusable locale and accepts de_DE", () => {
    expect(render('{{money 1 "USD"}}', { _locale: "!!" })).toBe(currency("en", "USD", 1))
    expect(render('{{money 1 "EUR"}}', { _locale: "de_DE" })).toBe(currency("de-DE", "EUR", 1))
  })
})

describe("date", () => {
  const instant = "2026-11-23T12:30:00.000Z"
  const berlin = { _timezone: "Europe/Berlin", when: instant }

  it("short is the default: 23.11.2026 / 11/23/2026", () => {
    expect(render("{{date when}}", { ...berlin, _locale: "de" })).toBe("23.11.2026")
    expect(render('{{date when "short"}}', { ...berlin, _locale: "en-US" })).toBe("11/23/2026")
  })

  it("long: 23. November 2026 / November 23, 2026", () => {
    expect(render('{{date when "long"}}', { ...berlin, _locale: "de" })).toBe("23. November 2026")
    expect(render('{{date when "long"}}', { ...berlin, _locale: "en-US" })).toBe("November 23, 2026")
  })

  it("datetime includes the time in the given zone", () => {
    const expected = new Intl.DateTimeFormat("de", {
      year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
      timeZone: "Europe/Berlin",
    }).format(new Date(instant))
    const out = render('{{date when "datetime"}}', { ...berlin, _locale: "de" })
    expect(out).toBe(expected)
    expect(out).toContain("13:30")
  })

  it("keeps a bare calendar date on its day in any zone", () => {
    const data = { _locale: "de", _timezone: "America/Los_Angeles", when: "2026-11-23" }
    expect(render("{{date when}}", data)).toBe("23.11.2026")
  })

  it("renders invalid dates as empty and unknown styles as short", () => {
    expect(render("[{{date a}}{{date b}}{{date c}}]", { a: "not a date", b: {}, c: null })).toBe("[]")
    expect(render('{{date when "constructor"}}', { ...berlin, _locale: "de" })).toBe("23.11.2026")
  })
})

describe("address", () => {
  const addr = {
    company: "Müller & Söhne <GmbH>",
    first_name: "Max",
    last_name: "Mustermann",
    address_1: "Hauptstr. 1",
    address_2: "",
    postal_code: "10115",
    city: "Berlin",
    province: null,
    country_code: "de",
  }

  it("escapes every part and joins lines with <br>", () => {
    expect(render("{{address a}}", { a: addr })).toBe(
      "Müller &amp; Söhne &lt;GmbH&gt;<br>Max Mustermann<br>Hauptstr. 1<br>10115 Berlin<br>Germany"
    )
  })

  it("writes a German address without a state line and the country in the mail's language", () => {
    const a = { ...addr, company: "", province: "Berlin", country: { display_name: "Germany" } }
    expect(render("{{address a}}", { _locale: "de", a })).toBe("Max Mustermann<br>Hauptstr. 1<br>10115 Berlin<br>Deutschland")
    expect(render("{{address a}}", { _locale: "en", a })).toBe("Max Mustermann<br>Hauptstr. 1<br>10115 Berlin<br>Germany")
  })

  it("leaves the country out for domestic mail (the shop's country)", () => {
    const data = { _locale: "de", store: { country_code: "de" } }
    expect(render("{{address a}}", { ...data, a: { ...addr, company: "" } })).toBe(
      "Max Mustermann<br>Hauptstr. 1<br>10115 Berlin"
    )
    const vienna = { ...addr, company: "", postal_code: "1010", city: "Wien", province: "Wien", country_code: "at" }
    expect(render("{{address a}}", { ...data, a: vienna })).toBe("Max Mustermann<br>Hauptstr. 1<br>1010 Wien<br>Österreich")
  })

  it("lays out other countries their way (US: city, state and ZIP on one line)", () => {
    const us = { ...addr, company: "", address_1: "1 Main St", address_2: "Suite 5", postal_code: "10001", city: "New York", province: "us-ny", country_code: "us" }
    expect(render("{{address a}}", { _locale: "en", a: us })).toBe(
      "Max Mustermann<br>1 Main St<br>Suite 5<br>New York, NY 10001<br>United States of America"
    )
  })

  it("falls back to Medusa's country name without a country code", () => {
    const a = { ...addr, company: "", country_code: null, country: { display_name: "Atlantis" } }
    expect(render("{{address a}}", { a })).toContain("<br>Atlantis")
  })

  it("joins with newlines and does not escape in plain-text mode", () => {
    expect(render("{{address a}}", { a: { ...addr, address_1: "" } }, false)).toBe(
      "Müller & Söhne <GmbH>\nMax Mustermann\n10115 Berlin\nGermany"
    )
  })

  it("renders nothing for a missing address", () => {
    expect(render("[{{address a}}{{address b}}]", { b: "x" })).toBe("[]")
  })
})

describe("logic and text helpers", () => {
  const data = { _locale: "de", a: 1, b: 2, s: "pending", list: ["x", 3, { o: 1 }, "y"], empty: [] }

  it.each([
    ['{{#if (eq s "pending")}}y{{else}}n{{/if}}', "y"],
    ['{{#if (eq a "1")}}y{{else}}n{{/if}}', "n"],
    ['{{#if (ne s "sent")}}y{{else}}n{{/if}}', "y"],
    ["{{#if (gt b a)}}y{{else}}n{{/if}}", "y"],
    ["{{#if (lt b a)}}y{{else}}n{{/if}}", "n"],
    ['{{#if (gt s "1")}}y{{else}}n{{/if}}', "n"],
    ["{{#if (and a b s)}}y{{else}}n{{/if}}", "y"],
    ["{{#if (and a empty)}}y{{else}}n{{/if}}", "n"],
    ["{{#if (or missing b)}}y{{else}}n{{/if}}", "y"],
    ["{{#if (or missing empty)}}y{{else}}n{{/if}}", "n"],
    ["{{#if (not missing)}}y{{else}}n{{/if}}", "y"],
    ['{{default missing "–"}}|{{default s "–"}}|{{default missing}}', "–|pending|"],
    ["{{uppercase s}}|{{lowercase \"ÄRGER\"}}", "PENDING|ärger"],
    ['{{join list " / "}}|{{join list}}|{{join s}}', "x / 3 / y|x, 3, y|"],
    ["{{multiply 19.99 3}}|{{add 0.1 0.2}}|{{multiply s 2}}", "59.97|0.3|"],
  ])("%s → %s", (source, expected) => {
    expect(render(source, data)).toBe(expected)
  })

  it("multiply feeds money for line totals", () => {
    const line = { _locale: "en-US", _currency: "usd", unit_price: { value: "19.99" }, quantity: 3 }
    expect(render("{{money (multiply unit_price quantity)}}", line)).toBe("$59.97")
  })

  it("lists exactly the allow-listed helpers", () => {
    expect([...KNOWN_HELPERS].sort()).toEqual(
      ["add", "address", "and", "date", "default", "each", "eq", "gt", "if", "join", "lowercase",
        "lt", "money", "multiply", "ne", "not", "or", "unless", "uppercase", "with"].sort()
    )
  })
})
