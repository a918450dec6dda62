import { readFileSync } from "node:fs"
import { join } from "node:path"

const I18N = join(__dirname, "..", "i18n")

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key))
}

const load = (language: string, area: string) => JSON.parse(readFileSync(join(I18N, language, `${area}.json`), "utf8"))

describe.each(["overview", "settings"])("admin texts of %s", (area) => {
  it("has the same keys in German and English, none empty", () => {
    const de = load("de", area)
    const en = load("en", area)
    expect(keysOf(de).sort()).toEqual(keysOf(en).sort())
    for (const texts of [de, en]) {
      for (const key of keysOf(texts)) {
        const text = key.split(".").reduce((node: any, part) => node[part], texts)
        expect({ key, ok: typeof text === "string" && text.trim() !== "" }).toEqual({ key, ok: true })
      }
    }
  })

  it("uses the same interpolation variables in both languages", () => {
    const de = load("de", area)
    const en = load("en", area)
    for (const key of keysOf(en)) {
      const pick = (texts: any) => key.split(".").reduce((node: any, part) => node[part], texts) as string
      const variables = (text: string) => (text.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort()
      expect({ key, variables: variables(pick(de)) }).toEqual({ key, variables: variables(pick(en)) })
    }
  })
})
