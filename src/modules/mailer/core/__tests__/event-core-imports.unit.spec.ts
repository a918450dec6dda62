import { readdirSync, readFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"

/**
 * The event definitions (loaders included) live in the core because they need nothing from
 * Medusa but a structural Query: this keeps it so for the whole core, type imports included.
 */
const CORE = resolve(__dirname, "..")

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "__tests__" ? [] : sourcesOf(path)
    return entry.name.endsWith(".ts") ? [path] : []
  })
}

const SPECIFIER = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g

describe("the core", () => {
  const files = sourcesOf(CORE)

  it("has its event loaders", () => {
    expect(files.some((f) => f.endsWith(join("events", "loaders", "order-mail.ts")))).toBe(true)
  })

  it.each(files.map((f) => [relative(CORE, f), f]))("%s imports nothing from Medusa nor from outside the core", (_name, file) => {
    const specifiers = [...readFileSync(file, "utf8").matchAll(SPECIFIER)].map((m) => m[1])
    for (const specifier of specifiers) {
      expect(specifier).not.toMatch(/^@medusajs\//)
      if (specifier.startsWith(".")) {
        expect(relative(CORE, resolve(dirname(file), specifier))).not.toMatch(/^\.\./)
      }
    }
  })
})
