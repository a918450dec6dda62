import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { classifyEventError, EventPayloadError, payloadProblem, type EventError } from "./classify"
import { failureLogRow } from "./failure-row"
import { claimDueEvent, finishEvent, insertClaimedEvent, insertFailureRow, stillClaimed } from "./inbox-store"
import { openPayload, sealPayload } from "./payload"
import { decideAfterFailure, type EventRetryPolicy } from "./retry"
import type { EventOutcome, EventRunner, InboxRow } from "./types"

/** What the inbox needs from the module service (built in deps.ts). */
export interface InboxDeps {
  knex: Knex
  leaseMs: number
  policy: EventRetryPolicy
  newEventId: () => string
  newMessageId: () => string
  seal: (plain: string, rowId: string) => string
  open: (sealed: string, rowId: string) => string
  now?: () => Date
  random?: () => number
}

/** One INSERT, nothing before it that can fail on the event's data: from here on the event is the inbox's. */
export async function recordEvent(deps: InboxDeps, eventName: string, data: unknown): Promise<InboxRow> {
  const id = deps.newEventId()
  // A payload that is not an object is kept as { value } and refused when processed, with the log row saying so.
  const payload = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : { value: data ?? null }
  return insertClaimedEvent(deps.knex, { id, event_name: eventName, data: sealPayload(payload, (plain) => deps.seal(plain, id)) }, deps.leaseMs)
}

/**
 * Runs a claimed event and records the outcome: done with the outbox rows it produced, or
 * pending until its next attempt, or failed with a failed log row that says why.
 */
export async function processClaimedEvent(deps: InboxDeps, row: InboxRow, run: EventRunner): Promise<EventOutcome> {
  const base = { id: row.id, event_name: row.event_name, attempts: row.attempts }
  let error: EventError
  try {
    const data = openPayload(row.data, (sealed) => deps.open(sealed, row.id))
    const problem = payloadProblem(data)
    if (problem) throw new EventPayloadError(problem)
    const { message_ids } = await run({ id: row.id, event_name: row.event_name, data })
    const applied = await finishEvent(deps.knex, row.id, row.attempts, { status: "done", message_ids })
    return { ...base, status: applied ? "done" : "lost", message_ids }
  } catch (err) {
    error = classifyEventError(err)
  }
  return recordFailure(deps, row, error)
}

async function recordFailure(deps: InboxDeps, row: InboxRow, error: EventError): Promise<EventOutcome> {
  const base = { id: row.id, event_name: row.event_name, attempts: row.attempts, error_code: error.code }
  const now = deps.now?.() ?? new Date()
  const receivedAt = new Date(row.received_at)
  const decision = decideAfterFailure(error, row.attempts, receivedAt, deps.policy, now, deps.random)
  const last_error = { code: error.code, message: error.message }
  if (decision.status === "pending") {
    const applied = await finishEvent(deps.knex, row.id, row.attempts, { status: "pending", next_attempt_at: decision.next_attempt_at, last_error })
    return { ...base, status: applied ? "pending" : "lost", next_attempt_at: decision.next_attempt_at }
  }
  // Checked first so a worker that lost its claim does not log a failure the new owner may
  // still avoid; the row itself is written once (unique key), also after a crash right here.
  if (!(await stillClaimed(deps.knex, row.id, row.attempts))) return { ...base, status: "lost" }
  const logRow = failureLogRow({ ...row, received_at: receivedAt }, error)
  const logId = await insertFailureRow(deps.knex, { ...logRow, id: deps.newMessageId(), idempotency_key: logRow.idempotency_key as string })
  const applied = await finishEvent(deps.knex, row.id, row.attempts, { status: "failed", last_error, message_ids: [logId] })
  return { ...base, status: applied ? "failed" : "lost", message_ids: [logId] }
}

/**
 * Processes due events one claim at a time (the lease starts when the work does), up to
 * `limit`; an event tried in this run is not claimed again in it, even if its jittered retry
 * is already due.
 */
export async function drainDueEvents(deps: InboxDeps, run: EventRunner, limit: number): Promise<EventOutcome[]> {
  const outcomes: EventOutcome[] = []
  const tried: string[] = []
  while (outcomes.length < limit) {
    const row = await claimDueEvent(deps.knex, deps.leaseMs, tried)
    if (!row) break
    tried.push(row.id)
    outcomes.push(await processClaimedEvent(deps, row, run))
  }
  return outcomes
}
