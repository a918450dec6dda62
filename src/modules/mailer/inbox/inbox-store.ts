import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { InboxRow } from "./types"

/**
 * The inbox's state transitions, each one SQL statement, like the outbox's
 * (delivery/outbox-store.ts): an event is claimed with FOR UPDATE SKIP LOCKED and a lease, so
 * two processes never process one event at the same time, and a lease that ran out (a worker
 * died) makes it due again. The attempt number of a claim is its fencing token: a worker whose
 * lease ran out and whose event was taken over cannot record its late outcome.
 */

const TABLE = "mailer_event"

const DUE_CONDITION = `deleted_at IS NULL AND (
  (status = 'pending' AND next_attempt_at IS NOT NULL AND next_attempt_at <= now())
  OR (status = 'processing' AND lease_until < now())
)`

/** The subscriber's first act: the event recorded, already claimed by the recording worker. */
export async function insertClaimedEvent(
  knex: Knex,
  event: { id: string; event_name: string; data: Record<string, unknown> },
  leaseMs: number
): Promise<InboxRow> {
  const { rows } = await knex.raw(
    `INSERT INTO ${TABLE} (id, event_name, data, received_at, status, attempts, lease_until, created_at, updated_at)
     VALUES (?, ?, ?::jsonb, now(), 'processing', 1, now() + (? * interval '1 millisecond'), now(), now())
     RETURNING *`,
    [event.id, event.event_name, JSON.stringify(event.data), leaseMs]
  )
  return rows[0]
}

/** Claims the oldest due event (not one of `skip`: those were tried in this run already). */
export async function claimDueEvent(knex: Knex, leaseMs: number, skip: string[] = []): Promise<InboxRow | null> {
  const { rows } = await knex.raw(
    `UPDATE ${TABLE} SET status = 'processing', attempts = attempts + 1,
       lease_until = now() + (? * interval '1 millisecond'), updated_at = now()
     WHERE id = (
       SELECT id FROM ${TABLE} WHERE ${DUE_CONDITION} AND NOT (id = ANY(?::text[]))
       ORDER BY next_attempt_at NULLS FIRST, received_at LIMIT 1 FOR UPDATE SKIP LOCKED
     )
     RETURNING *`,
    [leaseMs, skip]
  )
  return rows[0] ?? null
}

type Finish =
  | { status: "done"; message_ids: string[] }
  | { status: "pending"; next_attempt_at: Date; last_error: { code: string; message: string } }
  | { status: "failed"; last_error: { code: string; message: string }; message_ids: string[] }

/** Records the outcome of claim `attempts`; false when the claim was lost to another worker. */
export async function finishEvent(knex: Knex, id: string, attempts: number, finish: Finish): Promise<boolean> {
  const fields: Record<string, unknown> = {
    status: finish.status,
    lease_until: null,
    next_attempt_at: finish.status === "pending" ? finish.next_attempt_at : null,
    updated_at: knex.fn.now(),
  }
  if (finish.status !== "pending") fields.message_ids = JSON.stringify(finish.message_ids)
  fields.last_error = finish.status === "done" ? null : JSON.stringify(finish.last_error)
  const count = await knex(TABLE).where({ id, status: "processing", attempts }).update(fields)
  return count === 1
}

/** Whether claim `attempts` of the event is still this worker's. */
export async function stillClaimed(knex: Knex, id: string, attempts: number): Promise<boolean> {
  const row = await knex(TABLE).where({ id, status: "processing", attempts }).first("id")
  return Boolean(row)
}

/**
 * The failed log row of an event, written once: its key is unique, so a second worker (or a
 * retry after a crash) finds the first one's row. Returns the row's id.
 */
export async function insertFailureRow(knex: Knex, row: Record<string, unknown> & { id: string; idempotency_key: string }): Promise<string> {
  const { rows } = await knex.raw(
    `INSERT INTO mailer_message (id, idempotency_key, status, event_name, resource_type, resource_id, occurrence, "to",
       error_code, error_message, error_hint, triggered_by, created_at, updated_at)
     VALUES (?, ?, 'failed', ?, ?, ?, ?, NULL, ?, ?, ?, ?, now(), now())
     ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
     RETURNING id`,
    [row.id, row.idempotency_key, row.event_name, row.resource_type ?? null, row.resource_id ?? null, row.occurrence ?? null,
      row.error_code, row.error_message, row.error_hint, row.triggered_by ?? "system"] as Knex.Value[]
  )
  if (rows[0]) return rows[0].id
  const existing = await knex("mailer_message").where({ idempotency_key: row.idempotency_key }).whereNull("deleted_at").first("id")
  return existing.id
}

/** Events received and not processed yet (waiting for a retry or being processed). */
export async function countWaitingEvents(knex: Knex): Promise<number> {
  const { rows } = await knex.raw(`SELECT count(*)::int AS n FROM ${TABLE} WHERE deleted_at IS NULL AND status IN ('pending', 'processing')`)
  return rows[0]?.n ?? 0
}

/** Deletes finished events (done, failed) older than the log's retention. */
export async function purgeFinishedEvents(knex: Knex, retentionDays: number): Promise<number> {
  return knex(TABLE)
    .whereIn("status", ["done", "failed"])
    .where("updated_at", "<", knex.raw("now() - (? * interval '1 day')", [retentionDays]))
    .delete()
}
