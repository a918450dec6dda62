/**
 * Issue 9, behaviours 3–5 (and 6 across processes): the packed plugin in two Medusa processes
 * on one database with the Redis event bus, workflow engine and locking, orders placed through
 * the store API, mail at the in-process SMTP sink. Each test starts its own Redis, processes
 * and database. Figures (counts, durations, duplicates) are printed as one `[cluster]` line
 * per test.
 *
 *   npm run test:faults -- integration-tests/faults/cluster.spec.ts
 */
import { readFileSync } from "node:fs"
import { placeStoreOrder } from "../../demo/store-checkout"
import { createAccount } from "../admin/packed-app"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"
import { inBatches, slowDataReply, startCluster, startRedis, type Cluster, type RedisServer } from "./support/cluster"

jest.setTimeout(30 * 60_000)

const MINUTE = 60_000
/** Fault-test settings of the plugin (packed app's medusa-config reads them from env). */
const FAST = {
  MAILER_OUTBOX_INTERVAL_MS: "2000",
  MAILER_RETRY_BASE_MS: "1000",
  MAILER_SMTP_TIMEOUT_MS: "10000",
}
const TWO_SHARED = [
  { name: "a", mode: "shared" as const },
  { name: "b", mode: "shared" as const },
]

let sink: SmtpSink
let redis: RedisServer | undefined
let cluster: Cluster | undefined
let run = 0

beforeEach(async () => {
  run++
  sink = await new SmtpSink().start()
})

afterEach(async () => {
  await cluster?.stop()
  await redis?.stop()
  await sink.stop()
  cluster = undefined
  redis = undefined
})

async function startTwo(env: Record<string, string>, account: Record<string, unknown> = {}) {
  redis = await startRedis()
  const started = Date.now()
  cluster = await startCluster(redis, { processes: TWO_SHARED, env: { ...FAST, ...env } })
  await createAccount(cluster.processes[0], sink.port, account)
  return { cluster, startMs: Date.now() - started }
}

const customer = (i: number) => `kunde-${run}-${i}@example.test`
const customerMails = () => sink.mails.filter((m) => m.envelope.to.some((to) => to.startsWith(`kunde-${run}-`)))

/** `count` guest checkouts, `parallel` at a time, through the processes named (round robin). */
async function placeOrders(c: Cluster, count: number, via: string[], parallel = 4) {
  const started = Date.now()
  await inBatches(count, parallel, (i) =>
    placeStoreOrder({ baseUrl: c.process(via[i % via.length]).url, publishableKey: c.publishableKey, email: customer(i) })
  )
  return Date.now() - started
}

/** Every order.placed row is final (nothing queued or sending): nothing can be sent any more. */
async function allFinal(c: Cluster, expected: number) {
  const counts = await c.statusCounts("event_name = 'order.placed'")
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  return total === expected && !counts.queued && !counts.sending ? counts : undefined
}

/** One row per order, and each order's customer got exactly the mails counted here. */
async function perOrderFigures(c: Cluster, orders: number) {
  const rows = await c.rows<{ n: number; resources: number }>(
    "SELECT count(*)::int AS n, count(DISTINCT resource_id)::int AS resources FROM mailer_message WHERE event_name = 'order.placed'"
  )
  const mails = customerMails()
  const recipients = new Set(mails.flatMap((m) => m.envelope.to))
  return { rows: rows[0].n, orders: rows[0].resources, mails: mails.length, recipients: recipients.size, expected: orders }
}

function report(name: string, figures: Record<string, unknown>) {
  // eslint-disable-next-line no-console
  console.log(`[cluster] ${name} ${JSON.stringify(figures)}`)
}

it("proof 4: two shared processes on Redis, 200 orders → 200 mails, one SMTP transaction each, no duplicate", async () => {
  const { cluster: c, startMs } = await startTwo({ MAILER_LEASE_MS: "30000" })
  const placeMs = await placeOrders(c, 200, ["a", "b"])
  const drained = Date.now()
  const counts = await waitFor(() => allFinal(c, 200), "200 order mails final", 10 * MINUTE)
  const drainMs = Date.now() - drained

  const figures = await perOrderFigures(c, 200)
  report("proof 4", { startMs, placeMs, drainAfterPlacedMs: drainMs, counts, ...figures, transactions: sink.transactions, duplicates: sink.duplicateMessageIds().length })
  expect(counts).toEqual({ sent: 200 })
  expect(figures).toMatchObject({ rows: 200, orders: 200, mails: 200, recipients: 200 })
  expect(sink.duplicateMessageIds()).toEqual([])
  expect(sink.transactions).toBe(200)
})

it("proof 5: SIGKILL of a sending process mid-burst, restart → every mail delivered, none stuck in sending, a duplicate only for a send the kill cut", async () => {
  // The sink answers 250 one second after taking a mail, so the kill meets sends on the wire.
  await sink.stop()
  sink = new SmtpSink()
  await sink.start(slowDataReply(sink, 1000))
  // A short lease: rows the killed process held become due again 15 s after their claim.
  const { cluster: c } = await startTwo({ MAILER_LEASE_MS: "15000" })
  const orders = 80
  const b = c.process("b")
  // Orders through "a"; both processes take events from the Redis queue and both run the job.
  const placing = placeOrders(c, orders, ["a"])
  await waitFor(() => customerMails().length >= orders * 0.3, "30 % of the mails", 10 * MINUTE)
  const atKill = customerMails().length
  const killed = await b.kill("SIGKILL")
  const killedAt = Date.now()
  // Rows whose send may have been cut (either process's; "a" may finish its own meanwhile).
  const cut = (await c.rows<{ id: string }>("SELECT id FROM mailer_message WHERE status = 'sending'")).map((r) => r.id)
  await b.restart()
  const restartMs = Date.now() - killedAt
  const placeMs = await placing
  const counts = await waitFor(() => allFinal(c, orders), `${orders} order mails final`, 10 * MINUTE)
  const recoveredMs = Date.now() - killedAt

  const figures = await perOrderFigures(c, orders)
  const duplicates = sink.duplicateMessageIds()
  report("proof 5", {
    kills: 1,
    killSignal: killed.signal,
    mailsAtKill: atKill,
    sendingRightAfterKill: cut.length,
    restartMs,
    placeMs,
    allFinalAfterKillMs: recoveredMs,
    counts,
    ...figures,
    transactions: sink.transactions,
    duplicates: duplicates.length,
  })
  expect(killed.signal).toBe("SIGKILL")
  expect(counts).toEqual({ sent: orders })
  expect(figures).toMatchObject({ rows: orders, orders, recipients: orders })
  // SMTP cannot do better: a mail the sink took just before the kill, whose 250 never reached
  // the process, is sent again with the same Message-ID after the lease. Only such mails: each
  // duplicate is a row that was "sending" when the process died, at most one per cut send.
  const duplicateRows = duplicates.map((id) => id.replace(/^<([^@]+)@.*$/, "$1"))
  expect(duplicateRows.every((id) => cut.includes(id))).toBe(true)
  expect(duplicates.length).toBeLessThanOrEqual(cut.length)
  for (const id of duplicates) expect(sink.mailsWithMessageId(id)).toHaveLength(2)
  expect(figures.mails).toBe(orders + duplicates.length)
})

it("proof 5b: SIGTERM during a burst → sends on the wire finish, unsent rows released at once, the next start sends them, no duplicate", async () => {
  // A lease far longer than the test: a row left "sending" could only be released by the shutdown.
  const { cluster: c } = await startTwo({ MAILER_LEASE_MS: String(30 * MINUTE) })
  const orders = 80
  // The backlog of a mail server outage: every order's mail waits for its retry.
  await sink.down()
  const placeMs = await placeOrders(c, orders, ["a", "b"])
  await waitFor(async () => (await c.statusCounts("event_name = 'order.placed'")).queued === orders, "all rows queued", 5 * MINUTE)
  await sink.up()

  await waitFor(() => customerMails().length >= orders * 0.3, "30 % of the backlog", 10 * MINUTE)
  const atTermB = customerMails().length
  const termB = await c.process("b").kill("SIGTERM")
  await waitFor(() => customerMails().length >= Math.min(orders - 1, atTermB + orders * 0.2), "more of the backlog from a", 10 * MINUTE)
  const atTermA = customerMails().length
  const termA = await c.process("a").kill("SIGTERM")

  const whileDown = await c.statusCounts("event_name = 'order.placed'")
  const logOf = (name: string) => readFileSync(c.process(name).logFile, "utf8")
  const shutdownLines = ["a", "b"].map((n) => logOf(n).match(/medusa-plugin-mailer: stopped delivering: [^\n]*/)?.[0] ?? "(none)")

  const restarted = Date.now()
  await Promise.all([c.process("a").restart(), c.process("b").restart()])
  const counts = await waitFor(() => allFinal(c, orders), `${orders} order mails final`, 10 * MINUTE)
  const afterRestartMs = Date.now() - restarted

  const figures = await perOrderFigures(c, orders)
  report("proof 5b", {
    placeMs,
    mailsAtTermB: atTermB,
    termB,
    mailsAtTermA: atTermA,
    termA,
    statusWhileBothDown: whileDown,
    shutdownLines,
    allFinalAfterRestartMs: afterRestartMs,
    counts,
    ...figures,
    transactions: sink.transactions,
    duplicates: sink.duplicateMessageIds().length,
  })
  // Graceful: Medusa's own shutdown ran to its end (exit 0), not a kill.
  expect(termB).toMatchObject({ code: 0, signal: null })
  expect(termA).toMatchObject({ code: 0, signal: null })
  expect(shutdownLines.every((l) => l.includes("the running sends finished"))).toBe(true)
  // Nothing left "sending" although the lease is 30 minutes: the shutdown released it.
  expect(whileDown.sending ?? 0).toBe(0)
  expect(counts).toEqual({ sent: orders })
  expect(figures).toMatchObject({ rows: orders, orders, mails: orders, recipients: orders })
  expect(sink.duplicateMessageIds()).toEqual([])
  // Every SMTP transaction the sink finished reading was accepted: no send cut off mid-DATA.
  expect(sink.transactions).toBe(sink.mails.length)
})

it("proof 7: daily quota 50 with two processes, 80 orders → 50 sent today, 30 waiting for tomorrow with the reason", async () => {
  const { cluster: c } = await startTwo({ MAILER_LEASE_MS: "30000" }, { daily_quota: 50 })
  const placeMs = await placeOrders(c, 80, ["a", "b"])
  const settled = async () => {
    const counts = await c.statusCounts("event_name = 'order.placed'")
    const waiting = await c.statusCounts("event_name = 'order.placed' AND error_code = 'DAILY_QUOTA_REACHED'")
    return counts.sent === 50 && counts.queued === 30 && waiting.queued === 30 && !counts.sending ? counts : undefined
  }
  const counts = await waitFor(settled, "50 sent and 30 queued", 10 * MINUTE)
  const waiting = await c.rows<{ error_code: string; tomorrow: boolean }>(
    `SELECT error_code, next_attempt_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + interval '1 day' AS tomorrow
     FROM mailer_message WHERE event_name = 'order.placed' AND status = 'queued'`
  )
  report("proof 7", { placeMs, counts, mails: customerMails().length, transactions: sink.transactions, codes: [...new Set(waiting.map((w) => w.error_code))] })
  expect(customerMails()).toHaveLength(50)
  expect(sink.duplicateMessageIds()).toEqual([])
  expect(waiting.every((w) => w.error_code === "DAILY_QUOTA_REACHED" && w.tomorrow)).toBe(true)
})
