import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { retryPolicyFrom } from "../../../src/modules/mailer/core/backoff"
import type { MessageDraft } from "../../../src/modules/mailer/types"
import { mailerOf } from "../../helpers/mailer"

/**
 * Shared by the single-process fault tests (retries*.spec.ts): the plugin runs inside the test's
 * Medusa app (medusa-config.ts) with a 200 ms retry base, and the tests drive the outbox by
 * calling drainOutbox() themselves instead of waiting a minute for the scheduled job.
 */
export const RETRY_BASE_MS = 200
/** The policy medusa-config.ts builds from MAILER_RETRY_BASE_MS (cap = 60 × base). */
export const TEST_POLICY = retryPolicyFrom({ baseDelayMs: RETRY_BASE_MS, maxDelayMs: RETRY_BASE_MS * 60 })

/** Set before the runner loads medusa-config.ts; call at the top of a spec file. */
export function useFastRetries(): () => void {
  const before = process.env.MAILER_RETRY_BASE_MS
  process.env.MAILER_RETRY_BASE_MS = String(RETRY_BASE_MS)
  return () => {
    if (before === undefined) delete process.env.MAILER_RETRY_BASE_MS
    else process.env.MAILER_RETRY_BASE_MS = before
  }
}

export function knexOf(container: MedusaContainer): Knex {
  return container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
}

/** A rendered mail as the event workflow would hand it to the outbox. */
export function draftFor(accountId: string, key: string, overrides: Partial<MessageDraft> = {}): MessageDraft {
  return {
    idempotency_key: `fault:${key}`,
    status: "queued",
    event_name: "order.placed",
    account_id: accountId,
    locale: "de",
    resource_type: "order",
    resource_id: `order_${key}`,
    to: `kunde-${key}@kunde.test`,
    subject: `Bestellung ${key}`,
    html: `<p>Bestellung ${key}</p>`,
    text: `Bestellung ${key}`,
    ...overrides,
  }
}

export interface DrainRun {
  rounds: number
  ms: number
}

/**
 * Calls drainOutbox() (in `lanes` parallel loops, as several job runs would) until `done` says
 * so; bounded, so a stuck outbox fails the test instead of hanging it.
 */
export async function drainUntil(
  container: MedusaContainer,
  done: () => Promise<boolean>,
  what: string,
  opts: { limitMs?: number; lanes?: number; batch?: number } = {}
): Promise<DrainRun> {
  const mailer = mailerOf(container)
  const started = Date.now()
  const deadline = started + (opts.limitMs ?? 5 * 60_000)
  let rounds = 0
  let finished = false
  const lane = async () => {
    while (!finished) {
      rounds++
      const results = await mailer.drainOutbox(opts.batch ?? 100)
      if (results.length === 0) await pause(50)
    }
  }
  const lanes = Array.from({ length: opts.lanes ?? 1 }, lane)
  try {
    for (;;) {
      if (await done()) return { rounds, ms: Date.now() - started }
      if (Date.now() > deadline) throw new Error(`Gave up draining the outbox until ${what}`)
      await pause(100)
    }
  } finally {
    finished = true
    await Promise.all(lanes)
  }
}

/**
 * The outbox job at a slower beat (one drainOutbox() every `everyMs`), for the time a test
 * waits for something else: retries go on without taking the machine from the test's own work.
 */
export function drainEvery(container: MedusaContainer, everyMs: number): () => Promise<number> {
  const mailer = mailerOf(container)
  let stopped = false
  let runs = 0
  const loop = (async () => {
    while (!stopped) {
      runs++
      await mailer.drainOutbox(100)
      await pause(everyMs)
    }
  })()
  return async () => {
    stopped = true
    await loop
    return runs
  }
}

/** Rows by status, e.g. { sent: 200 }. */
export async function statusCounts(knex: Knex, where: Record<string, unknown> = {}): Promise<Record<string, number>> {
  const rows = await knex("mailer_message").where(where).whereNull("deleted_at").select("status").count("* as n").groupBy("status")
  return Object.fromEntries(rows.map((r: any) => [r.status, Number(r.n)]))
}

/** One line per test with its figures, for the report (`[retries] <name> {…}`). */
export function report(name: string, figures: Record<string, unknown>): void {
  // eslint-disable-next-line no-console
  console.log(`[retries] ${name} ${JSON.stringify(figures)}`)
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Runs `task(0..count-1)` with at most `parallel` at a time. */
export async function inBatches(count: number, parallel: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < count) await task(next++)
  }
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, lane))
}
