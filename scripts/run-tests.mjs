// `npm test`: runs every jest suite once and prints the "N passed, N failed"
// line CI reads. Extra arguments go to jest (e.g. a path or -t "name").
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { ensureChromium } from "./ensure-chromium.mjs"
import { preparePackedApp } from "./prepare-packed-app.mjs"

const type = process.env.TEST_TYPE
const pathArgs = process.argv.slice(2).filter((a) => !a.startsWith("-"))
// A path into integration-tests/admin, or a bare pattern that may match a browser spec.
const mayMatchBrowserSpec = (a) => a.includes("integration-tests/admin") || !/[/.]/.test(a)
const runsBrowserTests = (!type || type === "integration:admin") && (pathArgs.length === 0 || pathArgs.some(mayMatchBrowserSpec))
// The fault tests start the packed app as two processes (integration-tests/faults/);
// the package tests (integration-tests/package/) check the packed app itself.
const usesPackedApp = runsBrowserTests || type === "faults" || type === "package"
if (runsBrowserTests) {
  ensureChromium()
}
if (usesPackedApp) {
  // Build, pack and install the plugin into the plain Medusa app once, before jest
  // starts: minutes on a clean machine, seconds when cached; not inside a test timeout.
  try {
    const { dir } = await preparePackedApp()
    process.env.MAILER_PACKED_APP_DIR = dir
  } catch (err) {
    console.error(`Preparing the packed app for the admin browser tests failed:\n${err.message}`)
    process.exit(1)
  }
}

const resultsFile = join(mkdtempSync(join(tmpdir(), "mailer-jest-")), "results.json")
const args = ["jest", "--runInBand", "--forceExit", "--ci", "--json", `--outputFile=${resultsFile}`, ...process.argv.slice(2)]
const env = {
  ...process.env,
  // One jest process runs every suite (--runInBand), and each HTTP suite boots a whole Medusa app
  // whose module registries outlive it: ~90 suites grow past Node's default 4 GB heap.
  NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules", "--max-old-space-size=10240"].filter(Boolean).join(" "),
  LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
  MEDUSA_DISABLE_TELEMETRY: "true",
  NODE_ENV: "test",
}
const run = spawnSync("npx", args, { stdio: "inherit", env })

let results
try {
  results = JSON.parse(readFileSync(resultsFile, "utf8"))
} catch {
  console.error("jest wrote no results")
  process.exit(run.status || 1)
}
const passed = results.numPassedTests
const failed = results.numFailedTests + results.numRuntimeErrorTestSuites
console.log(`\n${passed} passed, ${failed} failed`)
if (failed > 0 || passed === 0 || run.status !== 0) {
  process.exit(run.status || 1)
}
