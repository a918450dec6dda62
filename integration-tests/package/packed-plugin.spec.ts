import { spawnSync } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { join, relative, sep } from "node:path"
import { adminApi, createAccount, placeOrder, startPackedApp, type PackedApp } from "../admin/packed-app"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"

jest.setTimeout(600_000)

const ROOT = join(__dirname, "..", "..")

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
}

/** The admin routes the plugin's sources define: src/admin/routes/settings/mailer/[id]/page.tsx → /settings/mailer/:id. */
function pluginRoutePaths(): string[] {
  const routes = join(ROOT, "src/admin/routes")
  return filesUnder(routes)
    .filter((f) => /page\.tsx$/.test(f))
    .map((f) => "/" + relative(routes, f).split(sep).slice(0, -1).join("/").replace(/\[(\w+)\]/g, ":$1"))
}

/** The widget zones the plugin's widgets declare. */
function pluginWidgetZones(): string[] {
  const widgets = join(ROOT, "src/admin/widgets")
  const zones = filesUnder(widgets).flatMap((f) => [...readFileSync(f, "utf8").matchAll(/zone:\s*\[?\s*"([\w.]+)"/g)].map((m) => m[1]))
  return [...new Set(zones)]
}

// The plugin as a shop gets it: `npm pack` of the build installed into a plain Medusa 2.21 app
// (scripts/prepare-packed-app.mjs), migrated, built with `medusa build`, run with `medusa start`.
describe("the packed plugin in a plain Medusa app", () => {
  const sink = new SmtpSink()
  let app: PackedApp
  const appDir = () => process.env.MAILER_PACKED_APP_DIR!

  beforeAll(async () => {
    await sink.start()
    app = await startPackedApp()
  })
  afterAll(async () => {
    await app?.stop()
    await sink.stop()
  })

  it("answers the mailer admin API only to an admin: 401 without a token, 200 with one", async () => {
    const anonymous = await fetch(`${app.url}/admin/mailer/accounts`)
    expect(anonymous.status).toBe(401)
    const api = await adminApi(app)
    const answer = await api.request("GET", "/admin/mailer/accounts")
    expect(answer.status).toBe(200)
    expect(Array.isArray(answer.body.accounts)).toBe(true)
  })

  it("mails the order confirmation of an order placed through the store API to the sink", async () => {
    await createAccount(app, sink.port)
    const order = await placeOrder(app, "erika@kunde.test", "de-DE")
    const mail = await waitFor(() => sink.mails.find((m) => m.envelope.to.includes("erika@kunde.test")), "the order confirmation at the sink", 120_000)
    expect(mail.parsed.subject).toBe(`Bestellbestätigung Nr. ${order.display_id} – Muster Shop`)
    expect(mail.parsed.text).toContain("Espressotasse")
  })

  it("builds the plugin's admin routes and widgets into the app's admin bundle", () => {
    const assets = join(appDir(), ".medusa/server/public/admin/assets")
    const bundle = readdirSync(assets)
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(join(assets, f), "utf8"))
      .join("\n")
    const routes = pluginRoutePaths()
    const zones = pluginWidgetZones()
    expect(routes.length).toBeGreaterThanOrEqual(5)
    expect(zones).toEqual(expect.arrayContaining(["order.details.side.after"]))
    expect(routes.filter((r) => !bundle.includes(`"${r}"`))).toEqual([])
    expect(zones.filter((z) => !bundle.includes(`"${z}"`))).toEqual([])
  })

  it("exports the Notification Module provider where medusa-config's resolve finds it", () => {
    const probe = `
      const path = require.resolve("medusa-plugin-mailer/providers/mailer-notification")
      const mod = require(path)
      const provider = (mod.default ?? mod).services?.[0]
      console.log(JSON.stringify({ path, identifier: provider?.identifier }))`
    const run = spawnSync("node", ["-e", probe], { cwd: appDir(), encoding: "utf8" })
    expect(run.stderr).toBe("")
    const found = JSON.parse(run.stdout.trim().split("\n").pop()!)
    expect(found.path).toBe(join(appDir(), "node_modules/medusa-plugin-mailer/.medusa/server/src/providers/mailer-notification/index.js"))
    expect(found.identifier).toBe("mailer-notification")
  })
})
