/**
 * The plugin as a shop runs it, for the admin browser tests: `npm pack` of the
 * built plugin installed into a plain Medusa app (newest 2.x in the plugin's
 * peer range), `medusa build`, then `medusa start` per spec file on a fresh
 * database. No dev server: the admin is the production build and loads in seconds.
 *
 * API (see order-mails-widget.spec.ts for a complete example):
 *
 *   const sink = await new SmtpSink().start()           // ../helpers/smtp-sink (in this process)
 *   const app = await startPackedApp()                  // fresh DB, seeded shop, admin user, no mail account
 *   const account = await createAccount(app, sink.port, { test_mode: false })  // via the admin API
 *   const order = await placeOrder(app, "erika@kunde.test", "de-DE")           // via the store API
 *   const api = await adminApi(app)                     // token from POST /auth/user/emailpass
 *   await api.get("/admin/mailer/messages")             // throws on non-2xx; api.request() does not
 *   await app.stop()                                    // ends Medusa, drops the database
 *
 * - `startPackedApp({ env })`: extra environment for Medusa (e.g. MAILER_RETRY_BASE_MS,
 *   MAILER_SMTP_TIMEOUT_MS). The app's medusa-config is scripts/lib/packed-app-files.mjs.
 * - The shop (template DB, seeded once per test run with integration-tests/helpers/shop.ts):
 *   store "Muster Shop", region "Deutschland" (EUR, de), sales channel "Webshop", warehouse
 *   "Lager Köln", shipping option "DHL Paket", products "Espressotasse" and "Kaffeebohnen
 *   Hausmischung", a publishable key (`app.shop`, `app.publishableKey`). Admin login
 *   `ADMIN_LOGIN` (admin@example.com / supersecret).
 * - Medusa's output goes to `app.logFile`; errors from here and from
 *   `withScreenshotOnFailure(page, steps, app)` name it.
 * - The app is prepared by `npm test` before jest starts (scripts/prepare-packed-app.mjs,
 *   cached by the tarball's hash in ~/.cache/medusa-plugin-mailer/packed-app, outside the
 *   repository so that its node_modules cannot stand in for a package the app lacks); run
 *   alone, the first startPackedApp() prepares it. Preparing fails early when the admin bundle
 *   imports an undeclared package or would load its own copy of react-query, the router etc.
 * - Several processes on one database (the fault tests, integration-tests/faults/support/cluster.ts):
 *   `startPackedProcesses({ processes: [{ name, env }], env })`: each its own port and log,
 *   the same database and secrets; `proc.kill("SIGKILL" | "SIGTERM")` resolves with how it
 *   ended, `proc.restart()` starts it again on its port. The app configures Redis when
 *   MAILER_REDIS_URL is set and the worker mode from MEDUSA_WORKER_MODE.
 * - Pages: browser.ts (launchBrowser, adminPage(browser, "de" | "en"), loginToAdmin, openAdmin,
 *   setLanguage, withScreenshotOnFailure(page, steps, app): screenshot, Medusa log and the
 *   browser's errors); axe.ts (expectNoSeriousA11yViolations(page, { include?, disableRules? })).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdtempSync, openSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { basename, join } from "node:path"
import { placeStoreOrder } from "../../demo/store-checkout"
import type { Shop } from "../helpers/shop"
import { freePort, pgQuery, pgUrl } from "./pg"

const ROOT = join(__dirname, "..", "..")
export const ADMIN_LOGIN = { email: "admin@example.com", password: "supersecret" }

export interface PackedApp {
  url: string
  publishableKey: string
  shop: Shop
  logFile: string
  database: string
  stop(): Promise<void>
}

/** The prepared app's directory: from `npm test` (env), else prepared now (cached when unchanged). */
function preparedAppDir(): string {
  if (process.env.MAILER_PACKED_APP_DIR) {
    return process.env.MAILER_PACKED_APP_DIR
  }
  const run = spawnSync("node", [join(ROOT, "scripts/prepare-packed-app.mjs")], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })
  if (run.status !== 0) {
    throw new Error(`Preparing the packed app failed (exit ${run.status})`)
  }
  const { dir } = JSON.parse(run.stdout.trim().split("\n").pop()!)
  process.env.MAILER_PACKED_APP_DIR = dir
  return dir
}

function medusaCli(dir: string, args: string[], env: NodeJS.ProcessEnv) {
  const run = spawnSync(join(dir, "node_modules/.bin/medusa"), args, { cwd: dir, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  if (run.status !== 0) {
    throw new Error(`medusa ${args.join(" ")} failed in ${dir}:\n${run.error?.message ?? ""}\n${(run.stdout ?? "").slice(-3000)}\n${(run.stderr ?? "").slice(-3000)}`)
  }
}

/** Environment for the app's processes: none of jest's own settings leak in. */
function appEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _jestVm, JEST_WORKER_ID: _worker, ...rest } = process.env
  return { ...rest, NODE_ENV: "production", MEDUSA_DISABLE_TELEMETRY: "true", LOG_LEVEL: "info", ...extra }
}

/**
 * Migrated and seeded once per test run (db:migrate alone takes ~20 s); each spec
 * copies it with CREATE DATABASE … TEMPLATE. The seeded shop is kept as the
 * database's comment, which also marks the template as complete.
 */
async function templateDatabase(dir: string): Promise<{ name: string; shop: Shop }> {
  const name = `mailer_packed_tpl_${basename(dir)}`
  const found = await pgQuery("SELECT shobj_description(oid, 'pg_database') AS shop FROM pg_database WHERE datname = $1", [name])
  if (found.rows[0]?.shop) {
    return { name, shop: JSON.parse(found.rows[0].shop) }
  }
  await pgQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await pgQuery(`CREATE DATABASE ${name}`)
  const seedOut = join(mkdtempSync(join(tmpdir(), "mailer-packed-seed-")), "shop.json")
  const env = appEnv({ DATABASE_URL: pgUrl(name), MAILER_SEED_OUT: seedOut, LOG_LEVEL: "error" })
  medusaCli(dir, ["db:migrate"], env)
  medusaCli(dir, ["exec", "./seed/seed.ts"], env)
  medusaCli(dir, ["user", "-e", ADMIN_LOGIN.email, "-p", ADMIN_LOGIN.password], env)
  const shop = readFileSync(seedOut, "utf8")
  await pgQuery(`COMMENT ON DATABASE ${name} IS '${shop.replace(/'/g, "''")}'`)
  return { name, shop: JSON.parse(shop) }
}

export async function startPackedApp(opts: { env?: NodeJS.ProcessEnv } = {}): Promise<PackedApp> {
  const cluster = await startPackedProcesses({ processes: [{ name: "medusa", env: {} }], env: opts.env })
  const [only] = cluster.processes
  return { url: only.url, publishableKey: cluster.publishableKey, shop: cluster.shop, logFile: only.logFile, database: cluster.database, stop: cluster.stop }
}

/** One `medusa start` of a PackedProcesses set. */
export interface PackedProcess {
  name: string
  url: string
  logFile: string
  /** The running child's pid (its process group), or null while stopped. */
  readonly pid: number | null
  readonly running: boolean
  /** Signals the process group and resolves when it ended: exit code or the signal, and how long it took. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>
  /** Starts it again (same port, env and log file, appended) and waits for /health. */
  restart(): Promise<void>
}

export interface PackedProcesses {
  processes: PackedProcess[]
  publishableKey: string
  shop: Shop
  database: string
  /** Ends every process (SIGTERM, SIGKILL after 15 s) and drops the database. */
  stop(): Promise<void>
}

/**
 * Several `medusa start` of the packed app on one fresh database, started in parallel. Every
 * process gets the shared `env` (secrets, database, CORS for all ports) plus its own.
 */
export async function startPackedProcesses(opts: {
  processes: { name: string; env?: NodeJS.ProcessEnv }[]
  env?: NodeJS.ProcessEnv
}): Promise<PackedProcesses> {
  const dir = preparedAppDir()
  const template = await templateDatabase(dir)
  const database = `mailer_packed_${process.pid}_${randomBytes(4).toString("hex")}`
  await pgQuery(`CREATE DATABASE ${database} TEMPLATE ${template.name}`)
  const ports = await Promise.all(opts.processes.map(() => freePort()))
  const urls = ports.map((port) => `http://localhost:${port}`)
  const shared = {
    DATABASE_URL: pgUrl(database),
    MAILER_SECRET_KEY: randomBytes(32).toString("base64"),
    JWT_SECRET: randomBytes(16).toString("hex"),
    COOKIE_SECRET: randomBytes(16).toString("hex"),
    ADMIN_CORS: urls.join(","),
    AUTH_CORS: urls.join(","),
    STORE_CORS: urls.join(","),
    MAILER_ADMIN_URL: `${urls[0]}/app`,
    ...opts.env,
  }
  const processes = opts.processes.map((p, i) =>
    packedProcess(dir, p.name, ports[i], appEnv({ ...shared, PORT: String(ports[i]), ...p.env }))
  )
  const stop = async () => {
    await Promise.all(processes.filter((p) => p.running).map((p) => stopGracefully(p)))
    await pgQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined)
  }
  try {
    await Promise.all(processes.map((p) => p.restart()))
  } catch (err) {
    await stop()
    throw err
  }
  return { processes, publishableKey: template.shop.publishable_key, shop: template.shop, database, stop }
}

function packedProcess(dir: string, name: string, port: number, env: NodeJS.ProcessEnv): PackedProcess {
  const url = `http://localhost:${port}`
  const logFile = join(mkdtempSync(join(tmpdir(), `mailer-packed-${name}-`)), "medusa.log")
  let child: ChildProcess | null = null
  const alive = () => child !== null && child.exitCode === null && child.signalCode === null
  return {
    name,
    url,
    logFile,
    get pid() {
      return alive() ? child!.pid! : null
    },
    get running() {
      return alive()
    },
    async kill(signal) {
      const started = Date.now()
      if (!alive()) return { code: child?.exitCode ?? null, signal: child?.signalCode ?? null, ms: 0 }
      const current = child!
      const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()))
      try {
        process.kill(-current.pid!, signal)
      } catch {}
      await exited
      return { code: current.exitCode, signal: current.signalCode, ms: Date.now() - started }
    },
    async restart() {
      if (alive()) throw new Error(`${name} is still running`)
      const log = openSync(logFile, "a")
      // Its own process group, so kill() ends Medusa and anything it started.
      child = spawn(join(dir, "node_modules/.bin/medusa"), ["start"], { cwd: join(dir, ".medusa/server"), env, detached: true, stdio: ["ignore", log, log] })
      await waitForHealth(url, child, logFile)
    },
  }
}

/** SIGTERM, and SIGKILL when Medusa has not ended 15 s later. */
async function stopGracefully(proc: PackedProcess) {
  const pid = proc.pid
  const killLater = setTimeout(() => {
    try {
      if (pid) process.kill(-pid, "SIGKILL")
    } catch {}
  }, 15_000)
  await proc.kill("SIGTERM")
  clearTimeout(killLater)
}

function logTail(logFile: string) {
  return `${readFileSync(logFile, "utf8").slice(-3000)}\n(Medusa log: ${logFile})`
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string) {
  // Production start takes 5–10 s; a loaded 2-core machine gets generous room.
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`medusa start exited (${child.exitCode}):\n${logTail(logFile)}`)
    }
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) {
      return
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`medusa start did not answer /health within 120 s:\n${logTail(logFile)}`)
}

export interface AdminApi {
  token: string
  /** Any status; the parsed body. `language` becomes Accept-Language (hints come localized). */
  request(method: string, path: string, body?: unknown, language?: "de" | "en"): Promise<{ status: number; body: any }>
  get(path: string): Promise<any>
  post(path: string, body?: unknown): Promise<any>
  delete(path: string, body?: unknown): Promise<any>
}

/** An admin API client logged in as ADMIN_LOGIN (bearer token from POST /auth/user/emailpass). */
export async function adminApi(app: Pick<PackedApp, "url">): Promise<AdminApi> {
  const login = await fetch(`${app.url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN_LOGIN),
  })
  const { token } = (await login.json()) as { token?: string }
  if (!token) {
    throw new Error(`Admin login failed: ${login.status}`)
  }
  const request: AdminApi["request"] = async (method, path, body, language = "en") => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "accept-language": language },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : undefined }
  }
  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await request(method, path, body)
    if (res.status >= 300) {
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`)
    }
    return res.body
  }
  return {
    token,
    request,
    get: (path) => ok("GET", path),
    post: (path, body = {}) => ok("POST", path, body),
    delete: (path, body) => ok("DELETE", path, body),
  }
}

/**
 * A mail account pointing at the in-test SMTP sink (plain SMTP on 127.0.0.1, no auth),
 * created through the admin API. Not in test mode unless `overrides` say so, so mails reach
 * the customers' addresses at the sink. Returns the API's account.
 */
export async function createAccount(app: Pick<PackedApp, "url">, smtpPort: number, overrides: Record<string, unknown> = {}) {
  const api = await adminApi(app)
  const { account } = await api.post("/admin/mailer/accounts", {
    name: "Shop-Postfach",
    sender_name: "Muster Shop",
    sender_email: "shop@muster-shop.test",
    host: "127.0.0.1",
    port: smtpPort,
    security: "none",
    auth_required: false,
    test_mode: false,
    ...overrides,
  })
  return account
}

/** A guest checkout through the store API (cart, shipping, system payment, complete). */
export function placeOrder(app: Pick<PackedApp, "url" | "publishableKey">, email: string, locale = "de-DE"): Promise<{ id: string; display_id: number }> {
  return placeStoreOrder({ baseUrl: app.url, publishableKey: app.publishableKey, email, locale })
}
