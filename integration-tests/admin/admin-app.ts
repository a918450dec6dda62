import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdtempSync, openSync, readFileSync } from "node:fs"
import { createServer, type AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Client } from "pg"

const ROOT = join(__dirname, "..", "..")
export const ADMIN_LOGIN = { email: "admin@example.com", password: "supersecret" }

export interface AdminApp {
  url: string
  publishableKey: string
  logFile: string
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

function pgConfig() {
  return {
    host: process.env.DB_HOST ?? "localhost",
    port: Number(process.env.DB_PORT ?? 5432),
    user: process.env.DB_USERNAME ?? "postgres",
    password: process.env.DB_PASSWORD ?? "",
  }
}

async function adminQuery(sql: string) {
  const client = new Client({ ...pgConfig(), database: "postgres" })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/**
 * The plugin's own Medusa app as a merchant runs it: `medusa develop` with the
 * admin dashboard, on a fresh database seeded like the demo (German shop, an
 * admin user, a mail account pointing at `smtpPort`).
 */
export async function startAdminApp(opts: { smtpPort: number }): Promise<AdminApp> {
  const db = `mailer_admin_e2e_${process.pid}`
  await adminQuery(`DROP DATABASE IF EXISTS ${db}`)
  await adminQuery(`CREATE DATABASE ${db}`)
  const work = mkdtempSync(join(tmpdir(), "mailer-admin-"))
  const port = await freePort()
  const { host, port: pgPort, user, password } = pgConfig()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: `postgres://${user}${password ? `:${password}` : ""}@${host}:${pgPort}/${db}`,
    MAILER_SECRET_KEY: randomBytes(32).toString("base64"),
    JWT_SECRET: randomBytes(16).toString("hex"),
    COOKIE_SECRET: randomBytes(16).toString("hex"),
    PORT: String(port),
    DEMO_SMTP_PORT: String(opts.smtpPort),
    DEMO_STATE_FILE: join(work, "demo.json"),
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: "error",
  }
  for (const args of [["db:migrate"], ["exec", "./demo/seed.ts"], ["user", "-e", ADMIN_LOGIN.email, "-p", ADMIN_LOGIN.password]]) {
    const run = spawnSync("npx", ["medusa", ...args], { cwd: ROOT, env, encoding: "utf8" })
    if (run.status !== 0) {
      throw new Error(`medusa ${args[0]} failed:\n${run.stdout}\n${run.stderr}`)
    }
  }
  const logFile = join(work, "medusa.log")
  const log = openSync(logFile, "a")
  // Its own process group, so stop() also ends the watcher's child server.
  const child = spawn("npx", ["medusa", "develop"], { cwd: ROOT, env, detached: true, stdio: ["ignore", log, log] })
  const url = `http://localhost:${port}`
  await waitForHealth(url, child, logFile)
  const { publishable_key } = JSON.parse(readFileSync(env.DEMO_STATE_FILE!, "utf8"))
  return {
    url,
    publishableKey: publishable_key,
    logFile,
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGTERM")
      } catch {}
      await new Promise((r) => setTimeout(r, 1000))
      await adminQuery(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined)
    },
  }
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string) {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`medusa develop exited (${child.exitCode}):\n${readFileSync(logFile, "utf8").slice(-3000)}`)
    }
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false)
    if (ok) {
      return
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`medusa develop did not answer /health:\n${readFileSync(logFile, "utf8").slice(-3000)}`)
}
