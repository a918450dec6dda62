// `npm run dev`: the demo shop. Embedded PostgreSQL kept in .cache/dev-pg,
// migrations, a seeded German store and admin user on first start, a local
// mail sink (SMTP 127.0.0.1:1025, inbox http://localhost:1080) and `medusa develop`.
import { spawn, spawnSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join, resolve } from "node:path"
import { startEmbeddedPostgres } from "../scripts/embedded-pg.mjs"
import { startMailSink } from "./mail-sink.mjs"

const root = resolve(import.meta.dirname, "..")
const cache = join(root, ".cache")
const PG_PORT = Number(process.env.DEMO_PG_PORT ?? 54329)
const SMTP_PORT = Number(process.env.DEMO_SMTP_PORT ?? 1025)
const WEB_PORT = Number(process.env.DEMO_INBOX_PORT ?? 1080)
const DB_NAME = "medusa_mailer_demo"
const ADMIN = { email: "admin@example.com", password: "supersecret" }

function secrets() {
  const file = join(cache, "demo-secrets.json")
  if (!existsSync(file)) {
    const fresh = {
      MAILER_SECRET_KEY: randomBytes(32).toString("base64"),
      JWT_SECRET: randomBytes(24).toString("hex"),
      COOKIE_SECRET: randomBytes(24).toString("hex"),
    }
    writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600 })
  }
  return JSON.parse(readFileSync(file, "utf8"))
}

async function ensureDatabase() {
  const { Client } = createRequire(import.meta.url)("pg")
  const client = new Client({ host: "localhost", port: PG_PORT, user: "postgres", password: "postgres", database: "postgres" })
  await client.connect()
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB_NAME])
  if (!rowCount) {
    await client.query(`CREATE DATABASE ${DB_NAME}`)
  }
  await client.end()
  return rowCount === 0
}

function medusa(args, env) {
  const run = spawnSync("npx", ["medusa", ...args], { cwd: root, env, stdio: "inherit" })
  if (run.status !== 0) {
    throw new Error(`medusa ${args.join(" ")} failed (exit ${run.status})`)
  }
}

async function main() {
  mkdirSync(cache, { recursive: true })
  const env = {
    ...process.env,
    ...secrets(),
    NODE_ENV: "development",
    DATABASE_URL: `postgres://postgres:postgres@localhost:${PG_PORT}/${DB_NAME}`,
    MEDUSA_DISABLE_TELEMETRY: "true",
    DEMO_SMTP_PORT: String(SMTP_PORT),
    DEMO_STATE_FILE: join(cache, "demo.json"),
  }
  console.log(`[demo] starting PostgreSQL on port ${PG_PORT} (data in .cache/dev-pg)`)
  const pg = await startEmbeddedPostgres({ dir: join(cache, "dev-pg"), port: PG_PORT, persistent: true })
  const sink = startMailSink({ dir: join(cache, "mail"), smtpPort: SMTP_PORT, webPort: WEB_PORT })
  let child = null
  const stop = async () => {
    child?.kill("SIGTERM")
    await sink.close()
    await pg.stop()
    process.exit(0)
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)

  const fresh = await ensureDatabase()
  medusa(["db:migrate"], env)
  if (fresh || !existsSync(join(cache, "demo.json"))) {
    medusa(["exec", "./demo/seed.ts"], env)
    medusa(["user", "-e", ADMIN.email, "-p", ADMIN.password], env)
  }
  const { publishable_key } = JSON.parse(readFileSync(join(cache, "demo.json"), "utf8"))
  console.log(`
[demo] ready once Medusa prints "Server is ready":
  Admin:            http://localhost:9000/app   (${ADMIN.email} / ${ADMIN.password})
  Mail inbox:       http://localhost:${WEB_PORT}   (SMTP sink on 127.0.0.1:${SMTP_PORT}, files in .cache/mail/)
  Publishable key:  ${publishable_key}
  Place an order:   npm run demo:order          (or the curl steps in README.md)
`)
  child = spawn("npx", ["medusa", "develop"], { cwd: root, env, stdio: "inherit" })
  child.on("exit", (code) => {
    if (code !== null) stop()
  })
}

main().catch((err) => {
  console.error(`[demo] ${err?.message ?? err}`)
  process.exit(1)
})
