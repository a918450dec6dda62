// Gives the tests a PostgreSQL: the one named by DB_HOST, or a throw-away
// embedded server started here and stopped in global-teardown.mjs.
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { freePort, startEmbeddedPostgres } from "../scripts/embedded-pg.mjs"

export default async function globalSetup() {
  if (process.env.DB_HOST) {
    process.env.DB_USERNAME ??= "postgres"
    return
  }
  const dir = join(mkdtempSync(join(tmpdir(), "mailer-test-pg-")), "data")
  const port = await freePort()
  globalThis.__MAILER_PG__ = { pg: await startEmbeddedPostgres({ dir, port, persistent: false, fast: true }), dir }
  // medusaIntegrationTestRunner turns on SSL for any host but "localhost".
  Object.assign(process.env, {
    DB_HOST: "localhost",
    DB_PORT: String(port),
    DB_USERNAME: "postgres",
    DB_PASSWORD: "postgres",
  })
}
