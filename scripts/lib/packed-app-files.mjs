// The files of the plain Medusa app the packed plugin is installed into: what
// the app starter's backend has, minus everything the tests do not need.
import { readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..")

function packageJson({ range, tarballName }) {
  const dev = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).devDependencies
  const same = (names) => Object.fromEntries(names.map((n) => [n, dev[n]]))
  return {
    name: "mailer-packed-app",
    version: "0.0.0",
    private: true,
    scripts: { build: "medusa build", start: "medusa start" },
    dependencies: {
      "@medusajs/admin-sdk": range,
      "@medusajs/cli": range,
      // defineConfig loads Medusa's draft-order plugin by default; the app starter lists it.
      "@medusajs/draft-order": range,
      "@medusajs/framework": range,
      "@medusajs/medusa": range,
      "medusa-plugin-mailer": `file:./${tarballName}`,
    },
    devDependencies: same(["@swc/core", "@types/node", "prop-types", "react", "react-dom", "ts-node", "typescript", "vite"]),
    engines: { node: ">=20" },
  }
}

const MEDUSA_CONFIG = `import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const retryBaseMs = Number(process.env.MAILER_RETRY_BASE_MS ?? 60_000)
const numberFromEnv = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined)

// Several processes on one database (the fault tests' cluster): Redis for events, workflows
// and locks, configured as a production shop does (Medusa's docs, "production worker mode").
// Without MAILER_REDIS_URL the app keeps Medusa's in-memory defaults (the browser tests).
const redisUrl = process.env.MAILER_REDIS_URL
const redisModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    ...(redisUrl ? { redisUrl } : {}),
    workerMode: (process.env.MEDUSA_WORKER_MODE ?? "shared") as "shared" | "worker" | "server",
    http: {
      storeCors: process.env.STORE_CORS ?? "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS ?? "http://localhost:9000",
      authCors: process.env.AUTH_CORS ?? "http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
    // The browser tests talk plain http to localhost; a Secure session cookie would never come back.
    cookieOptions: { secure: false },
  },
  modules: redisModules,
  plugins: [
    {
      resolve: "medusa-plugin-mailer",
      options: {
        default_locale: "de",
        admin_url: process.env.MAILER_ADMIN_URL,
        storefront_url: process.env.MAILER_STOREFRONT_URL,
        retry: { baseDelayMs: retryBaseMs, maxDelayMs: retryBaseMs * 60 },
        lease_ms: numberFromEnv("MAILER_LEASE_MS"),
        drain_batch_size: numberFromEnv("MAILER_DRAIN_BATCH"),
        smtp_timeouts: process.env.MAILER_SMTP_TIMEOUT_MS
          ? {
              connection_ms: Number(process.env.MAILER_SMTP_TIMEOUT_MS),
              greeting_ms: Number(process.env.MAILER_SMTP_TIMEOUT_MS),
              socket_ms: Number(process.env.MAILER_SMTP_TIMEOUT_MS),
            }
          : undefined,
      },
    },
  ],
})
`

const TSCONFIG = {
  compilerOptions: {
    target: "ES2021",
    esModuleInterop: true,
    module: "Node16",
    moduleResolution: "Node16",
    emitDecoratorMetadata: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    skipDefaultLibCheck: true,
    declaration: false,
    sourceMap: false,
    inlineSourceMap: true,
    outDir: "./.medusa/server",
    rootDir: "./",
    jsx: "react-jsx",
    forceConsistentCasingInFileNames: true,
    resolveJsonModule: true,
    checkJs: false,
    strictNullChecks: true,
  },
  "ts-node": { swc: true },
  include: ["**/*", ".medusa/types/*"],
  exclude: ["node_modules", ".medusa/server", ".medusa/admin", "seed"],
}

// Seeds the template database through `medusa exec`: the repository's own shop helper
// (Medusa's workflows), run inside the app so it uses the app's Medusa packages.
const SEED = `import type { ExecArgs } from "@medusajs/framework/types"
import { writeFileSync } from "node:fs"
import { seedShop } from "./shop"

export default async function seedPackedApp({ container }: ExecArgs) {
  const shop = await seedShop(container, { storeName: "Muster Shop" })
  writeFileSync(process.env.MAILER_SEED_OUT as string, JSON.stringify(shop))
}
`

/** path → content of every file the app needs besides the plugin tarball. */
export function appFiles({ range, tarballName }) {
  return {
    "package.json": JSON.stringify(packageJson({ range, tarballName }), null, 2) + "\n",
    "medusa-config.ts": MEDUSA_CONFIG,
    "tsconfig.json": JSON.stringify(TSCONFIG, null, 2) + "\n",
    "seed/seed.ts": SEED,
    "seed/shop.ts": readFileSync(join(ROOT, "integration-tests/helpers/shop.ts"), "utf8"),
  }
}
