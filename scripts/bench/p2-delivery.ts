import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import nodemailer from "nodemailer"
import { performance } from "node:perf_hooks"
import { renderEmailBlocking } from "../../src/modules/mailer/core/render"
import { SAMPLE_ORDER_CONTEXT } from "../../src/modules/mailer/core/events/sample-data"
import { ORDER_PLACED_TEMPLATES } from "../../src/modules/mailer/core/templates/defaults/order-placed"
import { DELIVERY_CONCURRENCY, deliverDueMessages } from "../../src/modules/mailer/delivery/delivery-deps"
import { mailerOf } from "../../integration-tests/helpers/mailer"
import type { LightSink } from "./light-sink"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { summary } = require("./stats.cjs")

/**
 * P2 delivery: mails per second through the real delivery path (due rows read
 * and claimed in PostgreSQL, test-mode routing, the account's pooled sender,
 * the result recorded on the row), against bare nodemailer with a pool of the
 * same size (2 connections, the plugin's POOL_MAX_CONNECTIONS) sending the same
 * mails with the same concurrency to the same server; and against a sender
 * that opens a new connection per mail (same concurrency).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const MAILS = Number(process.env.BENCH_P2_MAILS ?? 300)
const NAIVE_MAILS = Math.max(30, Math.round(MAILS / 3))
const POOL_SIZE = 2
const SWEEP = [1, 2, 3, 4, 6, 8]

const rendered = renderEmailBlocking({
  template: ORDER_PLACED_TEMPLATES.de,
  context: SAMPLE_ORDER_CONTEXT,
  locale: "de",
  currency_code: "eur",
  staff: {},
  account: {},
})

let batch = 0

async function queueRows(knex: Knex, accountId: string, count: number): Promise<void> {
  const tag = `${process.pid}_${++batch}`
  const now = new Date()
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `mmsg_bench_${tag}_${i}`,
    idempotency_key: `bench:${tag}:${i}`,
    status: "queued",
    event_name: "order.placed",
    account_id: accountId,
    locale: "de",
    resource_type: "order",
    resource_id: `order_bench_${tag}_${i}`,
    to: JSON.stringify([`kunde${i}@bench.test`]),
    cc: JSON.stringify([]),
    bcc: JSON.stringify([]),
    test_mode: false,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    attempts: 0,
    next_attempt_at: new Date(now.getTime() - 1000),
    created_at: now,
    updated_at: now,
  }))
  for (let i = 0; i < rows.length; i += 200) await knex("mailer_message").insert(rows.slice(i, i + 200))
}

/** The same mail as the plugin sends, through `send` (one call per mail), `concurrency` at a time. */
async function sendAll(count: number, concurrency: number, send: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < count) await send(next++)
  }
  await Promise.all(Array.from({ length: concurrency }, lane))
}

let sequence = 0

function mailOf(i: number) {
  return {
    from: { name: "Muster Shop", address: "shop@muster-shop.test" },
    to: `kunde${i}@bench.test`,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    messageId: `<bench-${process.pid}-${++sequence}@muster-shop.test>`,
  }
}

const connection = (port: number) => ({
  host: "127.0.0.1",
  port,
  secure: false,
  ignoreTLS: true,
  auth: { user: "shop@muster-shop.test", pass: "s3cret-Passw0rd!" },
})

async function timed(sink: LightSink, count: number, work: () => Promise<unknown>): Promise<number> {
  const before = sink.received
  const started = performance.now()
  await work()
  await sink.waitForCount(before + count)
  return count / ((performance.now() - started) / 1000)
}

export async function deliveryFigure(container: MedusaContainer, sink: LightSink, port: number, accountId: string) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
  const mailer = mailerOf(container)
  // The service's own delivery dependencies (the knex of the module, its pooled senders).
  const deps = (mailer as any).deliveryDeps({ manager: { getKnex: () => knex } })
  const pooled = nodemailer.createTransport({ ...connection(port), pool: true, maxConnections: POOL_SIZE, maxMessages: 100 })

  const plugin = async (count: number, concurrency: number) => {
    await queueRows(knex, accountId, count)
    return timed(sink, count, async () => {
      const results = concurrency === DELIVERY_CONCURRENCY ? await mailer.drainOutbox(count) : await deliverDueMessages(deps, count, concurrency)
      const sent = results.filter((r: { status: string }) => r.status === "sent").length
      if (sent !== count) throw new Error(`the plugin sent ${sent} of ${count}: ${JSON.stringify(results.find((r: { status: string }) => r.status !== "sent"))}`)
    })
  }
  const bare = (count: number, concurrency: number) =>
    timed(sink, count, () => sendAll(count, concurrency, (i) => pooled.sendMail(mailOf(i))))
  const naive = (count: number, concurrency: number) =>
    timed(sink, count, () =>
      sendAll(count, concurrency, async (i) => {
        const transport = nodemailer.createTransport(connection(port))
        try {
          await transport.sendMail(mailOf(i))
        } finally {
          transport.close()
        }
      })
    )

  // Warm-up: pools connected, JIT, the account's sender created.
  await plugin(40, DELIVERY_CONCURRENCY)
  await bare(40, DELIVERY_CONCURRENCY)
  await naive(10, DELIVERY_CONCURRENCY)

  const runs: Array<{ plugin: number; bare: number; naive: number }> = []
  for (let r = 0; r < RUNS; r++) {
    const m = { plugin: 0, bare: 0, naive: 0 }
    const steps = [
      async () => (m.plugin = await plugin(MAILS, DELIVERY_CONCURRENCY)),
      async () => (m.bare = await bare(MAILS, DELIVERY_CONCURRENCY)),
      async () => (m.naive = await naive(NAIVE_MAILS, DELIVERY_CONCURRENCY)),
    ]
    for (const step of r % 2 ? steps.reverse() : steps) await step()
    runs.push(m)
  }

  // Throughput against concurrency (the chart): one run per point, plugin and bare pool.
  const sweep: Array<{ concurrency: number; plugin: number; bare: number; naive: number }> = []
  for (const concurrency of SWEEP) {
    const count = Math.max(100, Math.round(MAILS / 2))
    sweep.push({
      concurrency,
      plugin: await plugin(count, concurrency),
      bare: await bare(count, concurrency),
      naive: await naive(Math.round(count / 3), concurrency),
    })
  }
  pooled.close()

  return {
    figure: "P2",
    goal: { ratio: 0.5, op: ">=", vs_naive: 10 },
    ratio: summary(runs.map((m) => m.plugin / m.bare)),
    vs_naive: summary(runs.map((m) => m.plugin / m.naive)),
    plugin_per_s: summary(runs.map((m) => m.plugin)),
    bare_per_s: summary(runs.map((m) => m.bare)),
    naive_per_s: summary(runs.map((m) => m.naive)),
    mails_per_run: MAILS,
    naive_mails_per_run: NAIVE_MAILS,
    concurrency: DELIVERY_CONCURRENCY,
    pool_size: POOL_SIZE,
    sweep,
    duplicates: sink.duplicates(),
  }
}
