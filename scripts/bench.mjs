// `npm run bench` (not part of `npm test`): P1–P5 of issue 10, each a ratio
// against a baseline measured in the same run. P1 runs in plain Node on the
// plugin's sources (scripts/bench/register-ts.cjs); P2–P5 need the Medusa app,
// PostgreSQL and an SMTP server, and run through jest exactly like the HTTP
// tests (embedded PostgreSQL from integration-tests/global-setup.mjs).
// Prints one summary line per figure and writes docs/performance.md and
// docs/performance-delivery.svg.
//
//   BENCH_RUNS=5          runs per figure
//   BENCH_ONLY=P1,P2      a subset (docs are only written for a full run unless BENCH_WRITE_DOCS=1)
//   BENCH_MERGE=a,b       results.json files of earlier runs: their other figures are kept
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { performanceDoc, summaryLines, throughputSvg } from "./bench/report.mjs"

const ROOT = fileURLToPath(new URL("..", import.meta.url))
const runs = Number(process.env.BENCH_RUNS ?? 5)
const only = (process.env.BENCH_ONLY ?? "P1,P2,P3,P4,P5").split(",").map((s) => s.trim()).filter(Boolean)
const out = mkdtempSync(join(tmpdir(), "mailer-bench-"))
const env = { ...process.env, BENCH_RUNS: String(runs), BENCH_OUT_DIR: out }
const loadBefore = loadavg()[0]
// BENCH_MERGE=<results.json of earlier runs, comma-separated>: their figures are kept (a later
// file's win), the ones run now replace them.
const results = Object.assign({}, ...(process.env.BENCH_MERGE ?? "").split(",").filter(Boolean).map((f) => JSON.parse(readFileSync(f, "utf8"))))
let failed = false

if (only.includes("P1")) {
  const p1 = spawnSync(process.execPath, [join(ROOT, "scripts/bench/p1-render.cjs")], { cwd: ROOT, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })
  if (p1.status === 0) {
    results.P1 = JSON.parse(p1.stdout.trim().split("\n").pop())
  } else {
    console.error("P1 failed")
    failed = true
  }
}

const appFigures = only.filter((f) => ["P2", "P3", "P4", "P5"].includes(f))
if (appFigures.length > 0) {
  const jest = spawnSync(
    "npx",
    ["jest", "--runInBand", "--forceExit", "--ci", "--testMatch", "**/scripts/bench/**/*.bench.ts"],
    {
      cwd: ROOT,
      stdio: "inherit",
      env: {
        ...env,
        BENCH_ONLY: appFigures.join(","),
        NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules", "--expose-gc"].filter(Boolean).join(" "),
        LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
        MEDUSA_DISABLE_TELEMETRY: "true",
        NODE_ENV: "test",
        TEST_TYPE: "",
      },
    }
  )
  for (const figure of appFigures) {
    const file = join(out, `${figure}.json`)
    if (existsSync(file)) results[figure] = JSON.parse(readFileSync(file, "utf8"))
    else {
      console.error(`${figure}: no result (see the jest output above)`)
      failed = true
    }
  }
  if (jest.status !== 0) failed = true
}

const meta = {
  date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  runs,
  machine: `${cpus().length} × ${cpus()[0]?.model?.trim() ?? "CPU"}, Node ${process.version}`,
  load: process.env.BENCH_MERGE
    ? `${loadBefore.toFixed(1)} now; figures merged from earlier runs, see the notes`
    : `${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`,
  // What the figures mean (profiles, fixes, goals that cannot be met): kept by hand next to the bench.
  notes: readFileSync(process.env.BENCH_NOTES_FILE ?? join(ROOT, "scripts/bench/notes.md"), "utf8"),
}
const complete = ["P1", "P2", "P3", "P4", "P5"].every((f) => results[f])
if (complete || process.env.BENCH_WRITE_DOCS === "1") {
  writeFileSync(join(ROOT, "docs/performance.md"), performanceDoc(results, meta))
  if (results.P2?.sweep) writeFileSync(join(ROOT, "docs/performance-delivery.svg"), throughputSvg(results.P2.sweep))
  console.log("\nwrote docs/performance.md")
}
writeFileSync(join(out, "results.json"), JSON.stringify(results, null, 2))
console.log(`\nresults: ${join(out, "results.json")}\n`)
for (const line of summaryLines(results)) console.log(line)
process.exit(failed ? 1 : 0)
