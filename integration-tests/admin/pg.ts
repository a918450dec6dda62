// The test run's PostgreSQL (DB_* set by integration-tests/global-setup.mjs) as seen
// by the packed app and by the harness' own administrative queries.
import { createServer, type AddressInfo } from "node:net"
import { Client } from "pg"

function pgConfig() {
  return {
    host: process.env.DB_HOST ?? "localhost",
    port: Number(process.env.DB_PORT ?? 5432),
    user: process.env.DB_USERNAME ?? "postgres",
    password: process.env.DB_PASSWORD ?? "",
  }
}

export function pgUrl(database: string): string {
  const { host, port, user, password } = pgConfig()
  return `postgres://${user}${password ? `:${encodeURIComponent(password)}` : ""}@${host}:${port}/${database}`
}

/** One statement against the maintenance database "postgres". */
export async function pgQuery(sql: string, params: unknown[] = []) {
  const client = new Client({ ...pgConfig(), database: "postgres" })
  await client.connect()
  try {
    return await client.query(sql, params)
  } finally {
    await client.end()
  }
}

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}
