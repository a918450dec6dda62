/**
 * Several Medusa processes of the packed plugin on one database with Redis, as production runs
 * them (integration-tests/admin/packed-app.ts starts them; the app's medusa-config turns on the
 * Redis event bus, workflow engine, locking and cache when MAILER_REDIS_URL is set).
 *
 *   const redis = await startRedis()                        // own redis-server, free port, no persistence
 *   const cluster = await startCluster(redis, { processes: [{ name: "a", mode: "shared" }, { name: "b", mode: "shared" }] })
 *   await cluster.processes[1].kill("SIGKILL"); await cluster.processes[1].restart()
 *   await cluster.rows("SELECT status, count(*) FROM mailer_message GROUP BY status")
 *   await cluster.stop(); await redis.stop()
 */
import { spawn, type ChildProcess } from "node:child_process"
import { existsSync } from "node:fs"
import { connect } from "node:net"
import { Client } from "pg"
import type { SMTPServerOptions } from "smtp-server"
import type { SmtpSink } from "../../helpers/smtp-sink"
import { startPackedProcesses, type PackedProcess, type PackedProcesses } from "../../admin/packed-app"
import { freePort, pgUrl } from "../../admin/pg"

const REDIS_BIN = process.env.MAILER_REDIS_SERVER ?? "/usr/bin/redis-server"

export interface RedisServer {
  url: string
  stop(): Promise<void>
}

/** A throw-away redis-server on a free port: no RDB snapshots, no AOF, gone with stop(). */
export async function startRedis(): Promise<RedisServer> {
  if (!existsSync(REDIS_BIN)) {
    throw new Error(`${REDIS_BIN} is missing: install the Debian package redis-server (.ci/run does) or set MAILER_REDIS_SERVER`)
  }
  const port = await freePort()
  const child = spawn(REDIS_BIN, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  child.stdout!.on("data", (d) => (output += d))
  child.stderr!.on("data", (d) => (output += d))
  const deadline = Date.now() + 20_000
  while (!(await redisAnswers(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL")
      throw new Error(`redis-server did not start on port ${port}:\n${output.slice(-2000)}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child) }
}

function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1")
    socket.setTimeout(1000)
    socket.once("connect", () => socket.write("PING\r\n"))
    socket.once("data", (d) => {
      socket.destroy()
      resolve(d.toString().startsWith("+PONG"))
    })
    socket.once("error", () => resolve(false))
    socket.once("timeout", () => {
      socket.destroy()
      resolve(false)
    })
  })
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once("exit", r))
  child.kill("SIGTERM")
  await exited
}

export type WorkerMode = "shared" | "worker" | "server"

export interface Cluster extends PackedProcesses {
  /** The process by name. */
  process(name: string): PackedProcess
  /** Rows of one query against the app's database. */
  rows<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]>
  /** The mailer_message rows counted by status. */
  statusCounts(where?: string): Promise<Record<string, number>>
}

/**
 * The packed app as several processes on Redis. Plugin settings for fault tests come from env
 * (MAILER_OUTBOX_INTERVAL_MS, MAILER_LEASE_MS, MAILER_RETRY_BASE_MS, MAILER_DRAIN_BATCH).
 */
export async function startCluster(
  redis: RedisServer,
  opts: { processes: { name: string; mode: WorkerMode; env?: NodeJS.ProcessEnv }[]; env?: NodeJS.ProcessEnv }
): Promise<Cluster> {
  const started = await startPackedProcesses({
    processes: opts.processes.map((p) => ({ name: p.name, env: { MEDUSA_WORKER_MODE: p.mode, ...p.env } })),
    env: { MAILER_REDIS_URL: redis.url, ...opts.env },
  })
  const db = new Client({ connectionString: pgUrl(started.database) })
  await db.connect()
  const rows = async <T,>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[]
  return {
    ...started,
    process(name) {
      const found = started.processes.find((p) => p.name === name)
      if (!found) throw new Error(`no process ${name}`)
      return found
    },
    rows,
    async statusCounts(where = "true") {
      const counted = await rows<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM mailer_message WHERE deleted_at IS NULL AND (${where}) GROUP BY status`
      )
      return Object.fromEntries(counted.map((r) => [r.status, r.n]))
    },
    async stop() {
      await db.end().catch(() => undefined)
      await started.stop()
    },
  }
}

/** Runs `task(i)` for i in 0..count-1, at most `parallel` at a time; stops at the first failure. */
export async function inBatches(count: number, parallel: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < count) {
      const i = next++
      await task(i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, lane))
}

/**
 * Sink options that make every accepted mail wait `delayMs` between taking the message and
 * answering 250, as a slow server does: a process killed in that gap leaves the mail delivered
 * at the sink but its row "sending" (the case where SMTP cannot avoid a duplicate).
 *   const sink = new SmtpSink(); await sink.start(slowDataReply(sink, 1500))
 */
export function slowDataReply(sink: SmtpSink, delayMs: number): Partial<SMTPServerOptions> {
  // The sink's own DATA handler records the mail; only its reply is held back.
  const receive = (sink as unknown as { receive: NonNullable<SMTPServerOptions["onData"]> }).receive.bind(sink)
  return {
    onData: (stream, session, callback) => receive(stream, session, (err?: Error | null) => setTimeout(() => callback(err), delayMs)),
  }
}
