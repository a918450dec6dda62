// Prepares the plain Medusa app the admin browser tests run against: the plugin
// as a user gets it (`npm pack` of the built plugin) installed into a fresh app
// whose @medusajs packages are the newest release in the plugin's peer range,
// then `medusa build`. The app lives in ~/.cache/medusa-plugin-mailer/packed-app/apps/<tarball hash>/,
// so a second run with an unchanged plugin skips install and build, and a run
// that is still using an older app is not disturbed by a newer one.
//
//   node scripts/prepare-packed-app.mjs          prints timings, last line JSON {dir, hash, medusa}
//   import { preparePackedApp } from "./prepare-packed-app.mjs"
import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs"
import { homedir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { acquireLock } from "./lib/dir-lock.mjs"
import { appFiles } from "./lib/packed-app-files.mjs"

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..")
// Outside the repository on purpose: inside it, Node would find whatever the app lacks
// in the repository's own node_modules (it walks up), and hide exactly the packaging
// faults this app exists to catch.
const BASE = process.env.MAILER_PACKED_APP_HOME ?? join(homedir(), ".cache", "medusa-plugin-mailer", "packed-app")
const APPS = join(BASE, "apps")
const KEEP_APPS = 3
const log = (line) => process.stderr.write(`[packed-app] ${line}\n`)

function run(cmd, args, cwd, extraEnv = {}) {
  const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", ...extraEnv }
  const res = spawnSync(cmd, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  if (res.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd} (exit ${res.status}):\n${(res.stdout ?? "").slice(-4000)}\n${(res.stderr ?? "").slice(-4000)}`)
  }
  return res.stdout
}

/**
 * A fresh resolution can meet a registry mirror mid-update: a package's metadata names a
 * dependency version whose own metadata has not arrived yet (npm ETARGET / E404). That is
 * the registry's moment, not the plugin's fault: try once more against fresh metadata.
 */
function installWithRetry(cwd) {
  const args = ["install", "--no-audit", "--no-fund", "--loglevel=error"]
  try {
    return run("npm", args, cwd)
  } catch (err) {
    if (!/ETARGET|E404|ECONNRESET|ETIMEDOUT/.test(err.message)) throw err
    log(`npm install met an inconsistent registry answer, retrying with fresh metadata: ${err.message.split("\n").find((l) => /ETARGET|E404|ECONN|ETIMEDOUT/.test(l)) ?? ""}`)
    return run("npm", [...args, "--prefer-online"], cwd)
  }
}

async function timed(what, fn) {
  const started = Date.now()
  const result = await fn()
  log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result
}

function newestMtime(path) {
  const st = statSync(path)
  if (!st.isDirectory()) {
    return st.mtimeMs
  }
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), st.mtimeMs)
}

/** The build is stale when any source (or package.json) is newer than the built admin bundle. */
function buildIsStale() {
  const marker = join(ROOT, ".medusa/server/src/admin/index.mjs")
  if (!existsSync(marker) || !existsSync(join(ROOT, ".medusa/server/src/modules/mailer/index.js"))) {
    return true
  }
  const built = statSync(marker).mtimeMs
  return newestMtime(join(ROOT, "src")) > built || statSync(join(ROOT, "package.json")).mtimeMs > built
}

// What the dashboard provides to every admin extension (Medusa's admin bundler keeps
// these external for plugins): a plugin must use the dashboard's copy, not its own.
// @medusajs/ui and icons too: the dashboard pins them exactly, and a peer range let npm pick a
// newer ui whose icons conflicted with Medusa's own draft-order plugin (ERESOLVE).
const HOST_PROVIDED = ["react", "react-dom", "react-router-dom", "react-router", "react-i18next", "@tanstack/react-query", "@medusajs/js-sdk", "@medusajs/admin-sdk", "@medusajs/ui", "@medusajs/icons"]
// Shared state lives in these (router, query client, i18n, toaster): two copies break the screens.
const MUST_SHARE = ["react", "react-dom", "react-router-dom", "react-i18next", "@tanstack/react-query", "@medusajs/ui"]

/**
 * Packaging fault a dev server hides: the admin bundle imports a package that is
 * neither the plugin's dependency or peer nor provided by the dashboard.
 */
function checkAdminExternals(pkg) {
  const bundle = readFileSync(join(ROOT, ".medusa/server/src/admin/index.mjs"), "utf8")
  const statements = /^\s*(?:import|export)\b[^;]*?(?:from\s*)?["']([^"'./][^"']*)["']/gm
  const specifiers = new Set([...bundle.matchAll(statements)].map((m) => m[1]))
  const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}), ...HOST_PROVIDED])
  const packageOf = (s) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0])
  const undeclared = [...new Set([...specifiers].map(packageOf))].filter((p) => !declared.has(p))
  if (undeclared.length) {
    throw new Error(`The admin bundle imports packages the plugin does not declare (add them to dependencies): ${undeclared.join(", ")}`)
  }
}

/** Where Node resolves `name` from `dir` (walking up node_modules folders, as Node and Vite do). */
function resolvePackageDir(dir, name) {
  for (let current = dir; ; current = dirname(current)) {
    const candidate = join(current, "node_modules", name)
    if (existsSync(join(candidate, "package.json"))) {
      return candidate
    }
    if (dirname(current) === current) {
      return undefined
    }
  }
}

/** The plugin's admin code must get the dashboard's copy of every package with shared state. */
function verifySharedCopies(building) {
  const dashboard = resolvePackageDir(resolvePackageDir(building, "@medusajs/admin-bundler"), "@medusajs/dashboard")
  const plugin = join(building, "node_modules/medusa-plugin-mailer")
  const split = MUST_SHARE.filter((name) => resolvePackageDir(plugin, name) !== resolvePackageDir(dashboard, name))
  if (split.length) {
    const where = split.map((n) => `${n}: plugin ${resolvePackageDir(plugin, n)}, dashboard ${resolvePackageDir(dashboard, n)}`)
    throw new Error(`The plugin's admin would load its own copy of packages the dashboard shares state through:\n${where.join("\n")}`)
  }
}

function packPlugin() {
  mkdirSync(BASE, { recursive: true })
  const [packed] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", BASE], ROOT))
  const file = join(BASE, packed.filename)
  const hash = createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 16)
  return { file, hash }
}

function previousApp() {
  if (!existsSync(APPS)) {
    return undefined
  }
  return readdirSync(APPS)
    .map((name) => join(APPS, name))
    .filter((dir) => existsSync(join(dir, ".ready.json")))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
}

/**
 * Old apps are removed, but never the newest few (a run elsewhere may still use them).
 * Half-built ones are left by failed runs: only the lock holder builds, so any is garbage.
 */
function pruneApps() {
  const dirs = readdirSync(APPS).map((name) => join(APPS, name))
  for (const dir of dirs.filter((d) => d.includes(".building-"))) {
    rmSync(dir, { recursive: true, force: true })
  }
  const ready = dirs.filter((d) => existsSync(join(d, ".ready.json"))).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
  for (const dir of ready.slice(KEEP_APPS)) {
    rmSync(dir, { recursive: true, force: true })
  }
}

function newestInRange(range) {
  const out = run("npm", ["view", `@medusajs/medusa@${range}`, "version", "--json"], ROOT)
  const versions = [JSON.parse(out)].flat()
  return versions[versions.length - 1]
}

/** Drops the copied plugin and its lock entry, so npm installs the new tarball (same file name, new content). */
function forgetPlugin(building, previousLock) {
  const lock = JSON.parse(readFileSync(previousLock, "utf8"))
  delete lock.packages?.["node_modules/medusa-plugin-mailer"]
  writeFileSync(join(building, "package-lock.json"), JSON.stringify(lock, null, 2))
  rmSync(join(building, "node_modules/medusa-plugin-mailer"), { recursive: true, force: true })
}

/** The app must run exactly the plugin just built, not a copy left from an earlier install. */
function verifyInstalledPlugin(building) {
  const bundle = ".medusa/server/src/admin/index.mjs"
  const installed = readFileSync(join(building, "node_modules/medusa-plugin-mailer", bundle), "utf8")
  const packed = run("tar", ["-xzOf", join(building, "medusa-plugin-mailer.tgz"), `package/${bundle}`], building)
  if (installed !== packed) {
    throw new Error("The packed app installed a different build of the plugin than the one just packed")
  }
}

async function installApp(dir, tarball, pkg, { incremental }) {
  const building = `${dir}.building-${process.pid}`
  rmSync(building, { recursive: true, force: true })
  mkdirSync(building, { recursive: true })
  const range = pkg.peerDependencies["@medusajs/medusa"]
  for (const [name, content] of Object.entries(appFiles({ range, tarballName: "medusa-plugin-mailer.tgz" }))) {
    mkdirSync(dirname(join(building, name)), { recursive: true })
    writeFileSync(join(building, name), content)
  }
  cpSync(tarball, join(building, "medusa-plugin-mailer.tgz"))
  // The plugin's content changes far more often than Medusa releases: start from the
  // previous app's tree (hard links, cheap) and let npm replace just the plugin.
  // CI starts without one, so it always resolves the newest Medusa in range.
  const previous = incremental && !process.env.CI ? previousApp() : undefined
  if (previous) {
    await timed("copy previous app's node_modules (hard links)", () => run("cp", ["-al", join(previous, "node_modules"), join(building, "node_modules")], ROOT))
    forgetPlugin(building, join(previous, "package-lock.json"))
  }
  await timed(`npm install (plain Medusa app + packed plugin${previous ? ", from the previous app" : ", fresh"})`, () =>
    installWithRetry(building)
  )
  return { building, range, fresh: !previous }
}

/** Installs and checks; a tree grown from a previous app that fails the checks is installed afresh once. */
async function installCheckedApp(dir, tarball, pkg) {
  const installed = await installApp(dir, tarball, pkg, { incremental: true })
  try {
    verifyInstalledPlugin(installed.building)
    verifySharedCopies(installed.building)
    return installed
  } catch (err) {
    if (installed.fresh) {
      throw err
    }
    log(`the tree grown from the previous app fails a check, installing afresh: ${err.message.split("\n")[0]}`)
    rmSync(installed.building, { recursive: true, force: true })
  }
  const fresh = await installApp(dir, tarball, pkg, { incremental: false })
  verifyInstalledPlugin(fresh.building)
  verifySharedCopies(fresh.building)
  return fresh
}

function verifyResolvedMedusa(building, range, fresh) {
  const installed = JSON.parse(readFileSync(join(building, "node_modules/@medusajs/medusa/package.json"), "utf8")).version
  const newest = newestInRange(range)
  log(`@medusajs/medusa ${installed} installed; newest on the registry in ${range}: ${newest}`)
  if (fresh && installed !== newest) {
    throw new Error(`A fresh install resolved @medusajs/medusa ${installed}, but the newest in ${range} is ${newest}`)
  }
  return installed
}

async function buildApp(dir, tarball, pkg) {
  const { building, range, fresh } = await installCheckedApp(dir, tarball, pkg)
  const medusa = verifyResolvedMedusa(building, range, fresh)
  await timed("medusa build (backend + admin with the plugin's extensions)", () => run(join(building, "node_modules/.bin/medusa"), ["build"], building, { NODE_ENV: "production" }))
  if (!readdirSync(join(building, ".medusa/server/public/admin/assets")).length) {
    throw new Error("medusa build produced no admin assets")
  }
  // `medusa start` runs inside .medusa/server and needs the app's packages there.
  symlinkSync("../../node_modules", join(building, ".medusa/server/node_modules"))
  writeFileSync(join(building, ".ready.json"), JSON.stringify({ medusa, builtAt: new Date().toISOString() }))
  rmSync(dir, { recursive: true, force: true })
  renameSync(building, dir)
  return medusa
}

export async function preparePackedApp() {
  const started = Date.now()
  mkdirSync(BASE, { recursive: true })
  const release = await acquireLock(join(BASE, "lock"), log)
  try {
    if (buildIsStale()) {
      await timed("npm run build (plugin)", () => run("npx", ["medusa", "plugin:build"], ROOT))
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"))
    checkAdminExternals(pkg)
    const { file, hash } = await timed("npm pack", () => packPlugin())
    const dir = join(APPS, hash)
    let medusa
    if (existsSync(join(dir, ".ready.json"))) {
      medusa = JSON.parse(readFileSync(join(dir, ".ready.json"), "utf8")).medusa
      log(`app for plugin ${hash} is ready (cached)`)
    } else {
      mkdirSync(APPS, { recursive: true })
      pruneApps()
      medusa = await buildApp(dir, file, pkg)
      pruneApps()
    }
    rmSync(file, { force: true })
    log(`prepared in ${((Date.now() - started) / 1000).toFixed(1)} s: ${dir}`)
    return { dir, hash, medusa }
  } finally {
    release()
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  preparePackedApp().then(
    (result) => console.log(JSON.stringify(result)),
    (err) => {
      console.error(err.message)
      process.exit(1)
    }
  )
}
