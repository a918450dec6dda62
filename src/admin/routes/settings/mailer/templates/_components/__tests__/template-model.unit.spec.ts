import type { MailerEvent, MailerTemplate } from "../../../../../../lib/types"
import {
  buildMatrix,
  findStoredTemplate,
  isListSample,
  matrixLocales,
  normalizeLocale,
  startingDefaultLocale,
  variableSnippet,
} from "../template-model"

const event = (name: string, shipped = ["de", "en"]): MailerEvent => ({
  name,
  label: name,
  description: "",
  resource_type: "order",
  enabled: true,
  shipped_locales: shipped,
  variables: [],
  sample: {},
})

const stored = (fields: Partial<MailerTemplate>): MailerTemplate => ({
  id: `mtpl_${Math.random().toString(36).slice(2)}`,
  default_id: null,
  is_default: false,
  event_name: "order.placed",
  locale: "de",
  sales_channel_id: null,
  account_id: null,
  subject: "s",
  body_html: "h",
  body_text: null,
  is_active: true,
  ...fields,
})

const shippedDefault = (event_name: string, locale: string): MailerTemplate =>
  stored({ id: null, default_id: `default:${event_name}:${locale}`, is_default: true, event_name, locale })

describe("templates matrix model", () => {
  it("normalizes locales the way the API matches them", () => {
    expect(normalizeLocale("de_de")).toBe("de-DE")
    expect(normalizeLocale(" EN ")).toBe("en")
  })

  it("always shows de and en, then other stored locales once, sorted", () => {
    const templates = [stored({ locale: "fr" }), stored({ locale: "de_AT" }), stored({ locale: "fr", sales_channel_id: "sc_1" })]
    expect(matrixLocales(templates)).toEqual(["de", "en", "de-AT", "fr"])
    expect(matrixLocales([shippedDefault("order.placed", "nl")])).toEqual(["de", "en"])
  })

  it("tells shipped default, own, inactive own and missing apart, and lists channel templates per cell", () => {
    const channel = stored({ locale: "en", sales_channel_id: "sc_web" })
    const templates = [
      stored({ locale: "de-DE" }),
      channel,
      stored({ event_name: "order.canceled", locale: "en", is_active: false }),
      stored({ event_name: "order.canceled", locale: "fr" }),
      shippedDefault("order.placed", "en"),
    ]
    const { locales, rows } = buildMatrix([event("order.placed"), event("order.canceled")], templates)
    expect(locales).toEqual(["de", "en", "de-DE", "fr"])
    const kinds = rows.map((row) => row.cells.map((cell) => cell.kind))
    expect(kinds[0]).toEqual(["default", "default", "own", "missing"])
    expect(kinds[1]).toEqual(["default", "inactive", "missing", "own"])
    expect(rows[0].cells[1].channelTemplates).toEqual([channel])
    expect(rows[1].cells[1].channelTemplates).toEqual([])
  })

  it("finds the stored template for event, locale and sales channel, never a default", () => {
    const all = stored({ locale: "de" })
    const web = stored({ locale: "de_de", sales_channel_id: "sc_web" })
    const templates = [shippedDefault("order.placed", "de"), all, web]
    expect(findStoredTemplate(templates, "order.placed", "DE", null)).toBe(all)
    expect(findStoredTemplate(templates, "order.placed", "de-DE", "sc_web")).toBe(web)
    expect(findStoredTemplate(templates, "order.placed", "de", "sc_web")).toBeNull()
    expect(findStoredTemplate([shippedDefault("order.placed", "en")], "order.placed", "en", null)).toBeNull()
  })

  it("starts a new language from its own shipped language, else English", () => {
    expect(startingDefaultLocale(event("x"), "de_AT")).toBe("de")
    expect(startingDefaultLocale(event("x"), "en")).toBe("en")
    expect(startingDefaultLocale(event("x"), "fr")).toBe("en")
    expect(startingDefaultLocale(event("x", ["de"]), "fr")).toBe("de")
    expect(startingDefaultLocale(event("x", []), "fr")).toBeNull()
  })

  it("wraps variables inside lists in one each block per list level", () => {
    expect(variableSnippet("order.display_id")).toBe("{{order.display_id}}")
    expect(variableSnippet("order.items.[].title")).toBe("{{#each order.items}}{{title}}{{/each}}")
    expect(variableSnippet("a.[].b.[].c")).toBe("{{#each a}}{{#each b}}{{c}}{{/each}}{{/each}}")
    expect(variableSnippet("order.items", true)).toBe("{{#each order.items}}\n  \n{{/each}}")
    expect(isListSample("[3]")).toBe(true)
    expect(isListSample("3")).toBe(false)
  })
})
