// Every admin text exists in German and in English, and every key the screens ask
// for exists: a missing key would show the raw key to the merchant.
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"

const ADMIN = join(__dirname, "..")
const I18N = join(ADMIN, "i18n")

type Tree = { [key: string]: string | Tree }

function readArea(language: string, file: string): Tree {
  return JSON.parse(readFileSync(join(I18N, language, file), "utf8"))
}

/** "a.b.c" → value for every leaf. */
function flatten(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value && typeof value === "object") {
      flatten(value, path).forEach((v, k) => out.set(k, v))
    } else {
      out.set(path, value)
    }
  }
  return out
}

/** The namespace "mailer" as src/admin/i18n/index.ts merges it: common.json top-level, other areas under their name. */
function namespace(language: string): Tree {
  const tree: Tree = {}
  for (const file of readdirSync(join(I18N, language)).filter((f) => f.endsWith(".json"))) {
    const area = file.replace(/\.json$/, "")
    if (area === "common") {
      Object.assign(tree, readArea(language, file))
    } else {
      tree[area] = readArea(language, file)
    }
  }
  return tree
}

function lookup(tree: Tree, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Tree)[part] : undefined), tree)
}

/** i18next plurals: t("x", { count }) reads x_one / x_other. */
function hasText(tree: Tree, key: string): boolean {
  return typeof lookup(tree, key) === "string" || typeof lookup(tree, `${key}_other`) === "string"
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      return name === "__tests__" || name === "i18n" ? [] : sourceFiles(path)
    }
    return /\.(tsx?|jsx?)$/.test(name) ? [path] : []
  })
}

interface KeyUse {
  file: string
  key: string
  /** A template literal: only its static prefix before ${…} is known. */
  dynamic: boolean
}

function keysUsed(): KeyUse[] {
  const uses: KeyUse[] = []
  for (const file of sourceFiles(ADMIN)) {
    const source = readFileSync(file, "utf8")
    const name = relative(ADMIN, file)
    for (const m of source.matchAll(/\bt\(\s*"([^"]+)"|\bt\(\s*'([^']+)'|i18nKey=\{?"([^"]+)"/g)) {
      uses.push({ file: name, key: (m[1] ?? m[2] ?? m[3]).replace(/^mailer:/, ""), dynamic: false })
    }
    for (const m of source.matchAll(/\bt\(\s*`([^`]*)`/g)) {
      const literal = m[1].replace(/^mailer:/, "")
      const prefix = literal.split("${")[0].replace(/\.$/, "")
      uses.push({ file: name, key: literal.includes("${") ? prefix : literal, dynamic: literal.includes("${") })
    }
  }
  return uses
}

describe("admin translations", () => {
  const languages = ["de", "en"]
  const areaFiles = (language: string) => readdirSync(join(I18N, language)).filter((f) => f.endsWith(".json")).sort()

  it("has the same area files in German and English", () => {
    expect(areaFiles("de")).toEqual(areaFiles("en"))
    expect(areaFiles("de").length).toBeGreaterThan(0)
  })

  it.each(areaFiles("de"))("%s has every key in both languages, none empty", (file) => {
    const [de, en] = languages.map((language) => flatten(readArea(language, file)))
    const missingInEnglish = [...de.keys()].filter((k) => !en.has(k))
    const missingInGerman = [...en.keys()].filter((k) => !de.has(k))
    expect({ missingInEnglish, missingInGerman }).toEqual({ missingInEnglish: [], missingInGerman: [] })
    const empty = languages.flatMap((language, i) =>
      [...[de, en][i].entries()].filter(([, v]) => typeof v !== "string" || !v.trim()).map(([k]) => `${language}:${k}`)
    )
    expect(empty).toEqual([])
  })

  it("keeps the {{placeholders}} of a text the same in both languages", () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort()
    const differing = areaFiles("de").flatMap((file) => {
      const de = flatten(readArea("de", file))
      const en = flatten(readArea("en", file))
      return [...de.keys()].filter((k) => en.has(k) && placeholders(de.get(k)).join() !== placeholders(en.get(k)).join()).map((k) => `${file}:${k}`)
    })
    expect(differing).toEqual([])
  })

  it("has a text for every key the admin's sources ask for, in both languages", () => {
    const uses = keysUsed()
    expect(uses.length).toBeGreaterThan(0)
    const missing = languages.flatMap((language) => {
      const tree = namespace(language)
      return uses
        .filter(({ key, dynamic }) => (dynamic ? !key || typeof lookup(tree, key) !== "object" : !hasText(tree, key)))
        .map(({ file, key, dynamic }) => `${language}: ${key}${dynamic ? ".${…}" : ""} (${file})`)
    })
    expect(missing).toEqual([])
  })

  it("detects a missing key (the check itself works)", () => {
    const tree = namespace("de")
    expect(hasText(tree, "this.key.does.not.exist")).toBe(false)
    const [first] = [...flatten(tree).keys()]
    expect(hasText(tree, first)).toBe(true)
  })
})
