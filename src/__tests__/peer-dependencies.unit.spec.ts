// Issue 14.6: exact peer pins (2.21.2) made `npm install` fail for a shop on 2.21.1
// or on the next release. The plugin declares the range it supports; test tools
// are no peers. (The packed-app browser tests install the newest release in range.)
import { readFileSync } from "node:fs"
import { join } from "node:path"

const pkg = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8"))
const peers: Record<string, string> = pkg.peerDependencies ?? {}

/** What npm's caret range accepts, for the plain `^x.y.z` ranges used here (major ≥ 1). */
function caretAccepts(range: string, version: string): boolean {
  const m = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range)
  if (!m) {
    throw new Error(`not a plain caret range: ${range}`)
  }
  const [major, minor, patch] = m.slice(1).map(Number)
  const [vMajor, vMinor, vPatch] = version.split(".").map(Number)
  if (vMajor !== major) {
    return false
  }
  return vMinor > minor || (vMinor === minor && vPatch >= patch)
}

describe("package.json peerDependencies", () => {
  const medusaPeers = Object.entries(peers).filter(([name]) => name.startsWith("@medusajs/") && name !== "@medusajs/ui")

  it("declares the Medusa packages the plugin needs at run time", () => {
    expect(medusaPeers.map(([name]) => name)).toEqual(expect.arrayContaining(["@medusajs/admin-sdk", "@medusajs/framework", "@medusajs/medusa"]))
  })

  it.each(["2.21.0", "2.21.1", "2.21.2", "2.22.0", "2.30.5"])("accepts Medusa %s for every @medusajs peer", (version) => {
    for (const [name, range] of medusaPeers) {
      expect({ name, accepted: caretAccepts(range, version) }).toEqual({ name, accepted: true })
    }
  })

  it.each(["2.20.9", "3.0.0"])("does not claim Medusa %s", (version) => {
    for (const [name, range] of medusaPeers) {
      expect({ name, accepted: caretAccepts(range, version) }).toEqual({ name, accepted: false })
    }
  })

  it("pins no peer to one exact version", () => {
    expect(Object.entries(peers).filter(([, range]) => /^\d/.test(range))).toEqual([])
  })

  it("keeps test and build tools out of the peers", () => {
    const tools = ["@medusajs/test-utils", "@medusajs/cli", "jest", "typescript", "vite", "@swc/core"]
    expect(Object.keys(peers).filter((name) => tools.includes(name))).toEqual([])
  })

  it("is built and tested against versions its own peer ranges accept", () => {
    for (const [name, range] of Object.entries(peers)) {
      const dev = pkg.devDependencies?.[name]
      if (dev && /^\d+\.\d+\.\d+$/.test(dev)) {
        expect({ name, dev, accepted: caretAccepts(range, dev) }).toEqual({ name, dev, accepted: true })
      }
    }
  })
})
