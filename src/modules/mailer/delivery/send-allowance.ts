import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { describeError, type MailerErrorCode } from "../core/errors"
import {
  dailyQuotaOf,
  dayStart,
  decideAllowance,
  DEFAULT_QUOTA_TIME_ZONE,
  isValidTimeZone,
  rateLimitOf,
  type Allowance,
  type RateLimit,
} from "../core/send-window"
import type { DeliveryResult } from "../types"

/**
 * The account's daily quota and rate limit, held across processes. Before a claimed row is
 * sent, delivery asks here under a transaction-scoped advisory lock per account, so two
 * processes (or two loops of one) decide one after the other: it counts in the database what
 * the account sent today (and is sending: a granted row still "sending" holds its slot, so
 * two processes cannot both take the last one) and the sends started in the rate window,
 * then either stamps the row's `attempted_at` (the grant) or puts the row back in the queue
 * without counting an attempt. Time is the database's clock, the one all processes share.
 *
 * A short wait for a rate slot happens here, holding the claim but no connection; a longer
 * one requeues the row at its slot and this process wakes it with a timer, so a burst drains
 * at the allowed pace without waiting for the outbox job (which still picks up the rows of
 * a process that died). Mail over the quota waits for the next day in the configured time
 * zone (plugin option quota_time_zone) with the reason on the row.
 */

const TABLE = "mailer_message"

/** Total time one delivery may wait in-process for rate slots before its row is requeued. */
export const IN_PROCESS_WAIT_MS = 3_000
/** Rows requeued for a rate slot within this long are woken by this process; later ones by the outbox job. */
const WAKE_HORIZON_MS = 10 * 60 * 1000

export interface AllowanceDeps {
  knex: Knex
  /** IANA name of the day the quota counts in (plugin option quota_time_zone). */
  quotaTimeZone?: string
}

export interface AllowanceAccount {
  id: string
  daily_quota?: number | null
  rate_limit_messages?: number | null
  rate_limit_pause_ms?: number | null
}

/**
 * null when the row may be sent now (its grant is stamped); otherwise the row is back in the
 * queue and this is the delivery's result. `redeliver` is how a timer delivers it again.
 */
export async function takeSendAllowance(
  deps: AllowanceDeps,
  rowId: string,
  account: AllowanceAccount,
  redeliver: () => Promise<unknown>
): Promise<DeliveryResult | null> {
  const limits = { quota: dailyQuotaOf(account), rate: rateLimitOf(account) }
  if (limits.quota === null && limits.rate === null) {
    return null
  }
  const timeZone = deps.quotaTimeZone || DEFAULT_QUOTA_TIME_ZONE
  const entered = Date.now()
  // One delivery per account and process asks the database at a time; the others wait here,
  // in order. Without this gate every waiting delivery would re-check at each free slot,
  // holding a pooled connection on the advisory lock, and the checks would eat the slots.
  return inGate(account.id, async () => {
    for (;;) {
      const { decision, now, granted } = await decideUnderLock(deps.knex, rowId, account.id, limits, timeZone)
      if (decision.kind === "go") {
        // Not granted: the row's lease ran out meanwhile and another worker took it over.
        return granted ? null : { row_id: rowId, status: "sending" as const, attempted: false }
      }
      if (decision.kind === "quota") {
        return requeue(deps.knex, rowId, decision.retryAt, "DAILY_QUOTA_REACHED", { limit: decision.limit, time_zone: timeZone })
      }
      if (Date.now() - entered + decision.waitMs <= IN_PROCESS_WAIT_MS) {
        await sleep(decision.waitMs)
        continue
      }
      return requeueForRate(deps.knex, rowId, decision, limits.rate!, now, redeliver)
    }
  })
}

const gates = new Map<string, Promise<unknown>>()

/** Runs `work` after every earlier call for the same key has finished (a FIFO per account). */
async function inGate<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = gates.get(key) ?? Promise.resolve()
  const current = previous.catch(() => undefined).then(work)
  gates.set(key, current)
  try {
    return await current
  } finally {
    if (gates.get(key) === current) gates.delete(key)
  }
}

/** Fails start-up on a quota_time_zone the runtime does not know, instead of at the first send. */
export function assertQuotaTimeZone(value: unknown): void {
  if (value === undefined || value === null || value === "" || isValidTimeZone(value)) return
  throw new Error(
    `medusa-plugin-mailer: quota_time_zone ${JSON.stringify(value)} is not a time zone; use an IANA name such as "Europe/Berlin" (default "UTC").`
  )
}

interface Limits {
  quota: number | null
  rate: RateLimit | null
}

async function decideUnderLock(knex: Knex, rowId: string, accountId: string, limits: Limits, timeZone: string) {
  return knex.transaction(async (trx) => {
    await trx.raw("SELECT pg_advisory_xact_lock(hashtext(?))", [`mailer_send_allowance:${accountId}`])
    // clock_timestamp, not now(): now() is when the transaction began, before the lock wait.
    // Whole milliseconds, so the value read back into a JS Date is the one stored.
    const { rows } = await trx.raw("SELECT date_trunc('milliseconds', clock_timestamp()) AS now")
    const now = new Date(rows[0].now)
    const usedToday = limits.quota === null ? 0 : await countToday(trx, accountId, rowId, dayStart(now, timeZone))
    const recentStarts = limits.rate ? await startsInWindow(trx, accountId, limits.rate, now) : []
    const decision: Allowance = decideAllowance({ now, timeZone, quota: limits.quota, usedToday, rate: limits.rate, recentStarts })
    let granted = false
    if (decision.kind === "go") {
      // updated_at = the grant marks it as this claim's (see countToday)
      const updated = await trx(TABLE).where({ id: rowId, status: "sending" }).update({ attempted_at: now, updated_at: now })
      granted = updated > 0
    }
    return { decision, now, granted }
  })
}

/**
 * Today's sends of the account: sent rows, and rows being sent under a grant of their
 * current claim. A claim sets updated_at and the grant sets it equal to attempted_at, so a
 * row claimed again after an earlier attempt (attempted_at < updated_at) holds no slot
 * until it is granted again. Soft-deleted rows count: they were sent.
 */
export async function countToday(knex: Knex, accountId: string, exceptRowId: string | null, since: Date): Promise<number> {
  const { rows } = await knex.raw(
    `SELECT count(*)::int AS n FROM ${TABLE}
     WHERE account_id = ? AND attempted_at >= ? AND id <> ?
       AND (status = 'sent' OR (status = 'sending' AND attempted_at >= updated_at))`,
    [accountId, since, exceptRowId ?? ""]
  )
  return rows[0]?.n ?? 0
}

async function startsInWindow(knex: Knex, accountId: string, rate: RateLimit, now: Date): Promise<Date[]> {
  const { rows } = await knex.raw(
    `SELECT attempted_at FROM ${TABLE} WHERE account_id = ? AND attempted_at >= ? ORDER BY attempted_at DESC LIMIT ?`,
    [accountId, new Date(now.getTime() - rate.windowMs), rate.messages]
  )
  return rows.map((r: { attempted_at: Date | string }) => new Date(r.attempted_at))
}

async function requeueForRate(
  knex: Knex,
  rowId: string,
  decision: Extract<Allowance, { kind: "rate" }>,
  rate: RateLimit,
  now: Date,
  redeliver: () => Promise<unknown>
): Promise<DeliveryResult> {
  // Spread over one slot's share of the window: rows waiting for the same slot do not all
  // come back at the same millisecond.
  const jitter = Math.floor(Math.random() * Math.max(1, rate.windowMs / rate.messages))
  const dueAt = new Date(decision.slotAt.getTime() + jitter)
  const result = await requeue(knex, rowId, dueAt, "RATE_LIMIT_REACHED", { messages: rate.messages, window_ms: rate.windowMs })
  wakeAt(rowId, dueAt.getTime() - now.getTime(), redeliver)
  return result
}

/** Back to the queue, due at `dueAt`, the attempt not counted, the reason on the row for the log. */
async function requeue(
  knex: Knex,
  rowId: string,
  dueAt: Date,
  code: MailerErrorCode,
  params: Record<string, string | number>
): Promise<DeliveryResult> {
  const described = describeError(code, "en", params)
  await knex(TABLE).where({ id: rowId, status: "sending" }).update({
    status: "queued",
    next_attempt_at: dueAt,
    lease_until: null,
    error_code: code,
    error_message: described.message,
    error_hint: described.hint,
    smtp_response_code: null,
    // A wait is not a failure: the retry lifetime (give_up_at) moves on by the time waited,
    // so mail held back by the quota for days still gets its full retries afterwards.
    give_up_at: knex.raw("give_up_at + greatest(?::timestamptz - now(), interval '0')", [dueAt]),
    updated_at: knex.fn.now(),
  })
  return { row_id: rowId, status: "queued", attempted: false, error_code: code }
}

const wakeups = new Map<string, NodeJS.Timeout>()

/**
 * Delivers a requeued row again when its slot comes. Unref'd: a timer never keeps the
 * process alive; a row whose timer is lost (restart) is due for the outbox job anyway.
 */
function wakeAt(rowId: string, delayMs: number, redeliver: () => Promise<unknown>) {
  if (delayMs > WAKE_HORIZON_MS) return
  clearTimeout(wakeups.get(rowId))
  // A few ms late, so the database's clock has passed the due time when the row is claimed.
  const timer = setTimeout(() => {
    wakeups.delete(rowId)
    // Failures are the outbox job's to retry; a timer has nobody to report to.
    redeliver().catch(() => undefined)
  }, Math.max(0, delayMs) + 5)
  timer.unref?.()
  wakeups.set(rowId, timer)
}

/** Stops the pending wake-ups (shutdown); their rows stay queued and due for the outbox job. */
export function cancelWakeups(): void {
  for (const timer of wakeups.values()) clearTimeout(timer)
  wakeups.clear()
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Today's count per account, as the quota counts it (see countToday), in one grouped query for
 * a whole list of accounts; accounts without sends today are missing from the map.
 */
export async function sentTodayByAccount(knex: Knex, accountIds: string[], since: Date): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map()
  const { rows } = await knex.raw(
    `SELECT account_id, count(*)::int AS n FROM ${TABLE}
     WHERE account_id = ANY(?) AND attempted_at >= ?
       AND (status = 'sent' OR (status = 'sending' AND attempted_at >= updated_at))
     GROUP BY account_id`,
    [accountIds, since]
  )
  return new Map(rows.map((r: { account_id: string; n: number }) => [r.account_id, r.n]))
}
