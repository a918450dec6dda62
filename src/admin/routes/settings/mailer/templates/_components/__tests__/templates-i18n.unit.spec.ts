import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"

const ADMIN = join(__dirname, "..", "..", "..", "..", "..", "..")
const ROUTE = join(ADMIN, "routes", "settings", "mailer", "templates")
const load = (language: string) => JSON.parse(readFileSync(join(ADMIN, "i18n", language, "templates.json"), "utf8"))

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key))
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === "__tests__" ? [] : sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

/** Keys the screens ask for: literal `t("templates.…")` calls plus every value of the dynamic ones. */
function usedKeys(): string[] {
  const literal = sourceFiles(ROUTE).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/t\(\s*"templates\.([\w.]+)"/g)].map((m) => m[1])
  )
  const dynamic = [
    ...["own", "inactive", "default", "missing"].map((kind) => `kind.${kind}`),
    ...["error", "warning"].map((severity) => `problems.${severity}`),
    ...["subject", "body_html", "body_text"].map((field) => `fields.${field}`),
    "matrix.enabledToast",
    "matrix.disabledToast",
    "variables.list_one",
    "variables.list_other",
  ]
  return [...new Set([...literal, ...dynamic])]
}

describe("templates screen texts", () => {
  it("has the same keys in German and English, none empty, same placeholders", () => {
    const de = load("de")
    const en = load("en")
    expect(keysOf(de).sort()).toEqual(keysOf(en).sort())
    const pick = (texts: any, key: string) => key.split(".").reduce((node: any, part) => node?.[part], texts)
    const variables = (text: string) => (text.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort()
    for (const key of keysOf(en)) {
      expect({ key, de: typeof pick(de, key), en: typeof pick(en, key) }).toEqual({ key, de: "string", en: "string" })
      expect({ key, de: variables(pick(de, key)) }).toEqual({ key, de: variables(pick(en, key)) })
      expect({ key, empty: pick(de, key).trim() === "" || pick(en, key).trim() === "" }).toEqual({ key, empty: false })
    }
  })

  it("has a German and an English text for every key the screens use", () => {
    const keys = usedKeys()
    expect(keys.length).toBeGreaterThan(50)
    const available = new Set(keysOf(load("de")))
    const availableEn = new Set(keysOf(load("en")))
    // `t("templates.variables.list", { count })` resolves to the plural forms.
    const missing = keys.filter((key) => !available.has(key) && !available.has(`${key}_one`))
    const missingEn = keys.filter((key) => !availableEn.has(key) && !availableEn.has(`${key}_one`))
    expect({ missing, missingEn }).toEqual({ missing: [], missingEn: [] })
  })
})
