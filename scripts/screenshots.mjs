// Screenshots of every plugin screen in German and English → docs/screenshots/
// (de-overview.png, en-overview.png, …). The shots are taken by
// integration-tests/admin/screenshots.shoot.ts (run through jest for TypeScript).
//
//   node scripts/screenshots.mjs                 against the running demo (http://localhost:9000,
//                                                admin@example.com / supersecret; `npm run dev`)
//   node scripts/screenshots.mjs --url URL [--email E --password P]
//   node scripts/screenshots.mjs --packed        starts the packed plugin in a plain Medusa app
//                                                itself: account in test mode, one order, shots
//   --out DIR                                    somewhere else than docs/screenshots
import { spawnSync } from "node:child_process"
import { resolve } from "node:path"
import { parseArgs } from "node:util"
import { ensureChromium } from "./ensure-chromium.mjs"
import { preparePackedApp } from "./prepare-packed-app.mjs"

const ROOT = resolve(import.meta.dirname, "..")
const { values } = parseArgs({
  options: {
    url: { type: "string" },
    email: { type: "string" },
    password: { type: "string" },
    packed: { type: "boolean", default: false },
    out: { type: "string" },
  },
})

ensureChromium()
const env = {
  ...process.env,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
  LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
  MEDUSA_DISABLE_TELEMETRY: "true",
  NODE_ENV: "test",
  SCREENSHOTS_DIR: resolve(values.out ?? resolve(ROOT, "docs/screenshots")),
}
if (values.packed) {
  env.MAILER_PACKED_APP_DIR = (await preparePackedApp()).dir
  delete env.SCREENSHOTS_URL
} else {
  env.SCREENSHOTS_URL = values.url ?? process.env.MEDUSA_URL ?? "http://localhost:9000"
  // A demo answers /health; say so plainly instead of a browser timeout.
  const up = await fetch(`${env.SCREENSHOTS_URL}/health`).then((r) => r.ok, () => false)
  if (!up) {
    console.error(`No Medusa at ${env.SCREENSHOTS_URL}: start the demo (npm run dev), pass --url, or use --packed.`)
    process.exit(1)
  }
}
if (values.email) env.SCREENSHOTS_EMAIL = values.email
if (values.password) env.SCREENSHOTS_PASSWORD = values.password

const run = spawnSync("npx", ["jest", "--runInBand", "--forceExit", "--ci", "--testMatch", "**/integration-tests/admin/screenshots.shoot.ts"], {
  cwd: ROOT,
  env,
  stdio: "inherit",
})
console.log(run.status === 0 ? `screenshots written to ${env.SCREENSHOTS_DIR}` : "some screenshots failed (named above)")
process.exit(run.status ?? 1)
