import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * The outbox's state transitions, each one SQL statement so that several
 * workers (processes, servers) can deliver concurrently: a row is claimed with
 * FOR UPDATE SKIP LOCKED and a lease, and every later transition only applies
 * while the row is still "sending" under that claim.
 */

const TABLE = "mailer_message"

// A row is due when it waits in the queue, or when a worker died while sending
// and its lease ran out.
const DUE_CONDITION = `deleted_at IS NULL AND (
  (status = 'queued' AND next_attempt_at IS NOT NULL AND next_attempt_at <= now())
  OR (status = 'sending' AND lease_until < now())
)`

export interface OutboxRow {
  id: string
  status: string
  event_name: string
  account_id: string | null
  locale: string | null
  /** An array since recipients are checked on write; a bare string only in rows written otherwise. */
  to: string[] | string | null
  cc: string[] | null
  bcc: string[] | null
  reply_to: string | null
  subject: string | null
  html: string | null
  text: string | null
  attempts: number
  /** Recorded when the row was written: delivery routes by these, not by the account's current mode. */
  test_mode: boolean
  test_recipient: string | null
  /** Sealed one-time link to put into the body at send time. */
  one_time_link: string | null
  /** The Message-ID chosen when the row was written (null on rows written before that). */
  message_id: string | null
  /** Transient failures are retried until then; null on rows written before it existed. */
  give_up_at: Date | null
  created_at: Date
}

export async function claimMessage(knex: Knex, id: string, leaseMs: number): Promise<OutboxRow | null> {
  const { rows } = await knex.raw(
    `UPDATE ${TABLE} SET status = 'sending', lease_until = now() + (? * interval '1 millisecond'), updated_at = now()
     WHERE id = (SELECT id FROM ${TABLE} WHERE id = ? AND ${DUE_CONDITION} FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [leaseMs, id]
  )
  return rows[0] ?? null
}

/**
 * Ids of messages that are due, oldest first. Only a candidate list: each one
 * is claimed by deliverMessage, which decides atomically who sends it.
 */
export async function dueMessageIds(knex: Knex, limit: number): Promise<string[]> {
  const { rows } = await knex.raw(
    `SELECT id FROM ${TABLE} WHERE ${DUE_CONDITION} ORDER BY next_attempt_at NULLS FIRST LIMIT ?`,
    [limit]
  )
  return rows.map((r: { id: string }) => r.id)
}

/** Replaces the stored body and clears the sealed link (a final mail keeps no one-time link). */
export interface ContentOverwrite {
  html: string
  text: string
  one_time_link: null
}

export interface SentRecord {
  content?: ContentOverwrite
  message_id: string
  envelope: unknown
  accepted: string[]
  rejected: string[]
  test_mode: boolean
  from: string
}

export async function recordSent(knex: Knex, id: string, sent: SentRecord): Promise<void> {
  await knex(TABLE)
    .where({ id, status: "sending" })
    .update({
      status: "sent",
      message_id: sent.message_id,
      envelope: JSON.stringify(sent.envelope),
      accepted: JSON.stringify(sent.accepted),
      rejected: JSON.stringify(sent.rejected),
      test_mode: sent.test_mode,
      from: sent.from,
      ...(sent.content ?? {}),
      attempts: knex.raw("attempts + 1"),
      sent_at: knex.fn.now(),
      lease_until: null,
      next_attempt_at: null,
      error_code: null,
      error_message: null,
      error_hint: null,
      smtp_response_code: null,
      updated_at: knex.fn.now(),
    })
}

export interface FailureRecord {
  /** queued = retry at next_attempt_at (null = paused until the account is fixed); failed = final. */
  status: "queued" | "failed"
  next_attempt_at: Date | null
  counts_as_attempt: boolean
  error_code: string
  error_message: string
  error_hint: string
  smtp_response_code?: number | null
  envelope?: unknown
  test_mode?: boolean
  content?: ContentOverwrite
}

export async function recordFailure(knex: Knex, id: string, failure: FailureRecord): Promise<void> {
  await knex(TABLE)
    .where({ id, status: "sending" })
    .update({
      status: failure.status,
      next_attempt_at: failure.next_attempt_at,
      attempts: failure.counts_as_attempt ? knex.raw("attempts + 1") : knex.raw("attempts"),
      error_code: failure.error_code,
      error_message: failure.error_message,
      error_hint: failure.error_hint,
      smtp_response_code: failure.smtp_response_code ?? null,
      envelope: failure.envelope === undefined ? knex.raw("envelope") : JSON.stringify(failure.envelope),
      test_mode: failure.test_mode ?? knex.raw("test_mode"),
      ...(failure.content ?? {}),
      lease_until: null,
      updated_at: knex.fn.now(),
    })
}

/**
 * A row written before Message-IDs were chosen at write time gets its own now, once: the first
 * one stored wins, so every later attempt (also on another worker) reuses it.
 */
export async function keepMessageId(knex: Knex, id: string, messageId: string): Promise<string> {
  const { rows } = await knex.raw(
    `UPDATE ${TABLE} SET message_id = coalesce(message_id, ?) WHERE id = ? RETURNING message_id`,
    [messageId, id]
  )
  return rows[0]?.message_id ?? messageId
}

/**
 * "Retry now": a queued row (waiting for its next attempt, or paused) or a failed one becomes
 * due now, with a fresh retry period; same row, same Message-ID. One statement, so a row that
 * was sent or claimed meanwhile is left alone (false).
 */
export async function makeDueNow(knex: Knex, id: string, lifetimeMs: number): Promise<boolean> {
  const { rows } = await knex.raw(
    `UPDATE ${TABLE} SET status = 'queued', next_attempt_at = now(), lease_until = null,
       give_up_at = now() + (? * interval '1 millisecond'), updated_at = now()
     WHERE id = ? AND deleted_at IS NULL AND status IN ('queued', 'failed')
     RETURNING id`,
    [lifetimeMs, id]
  )
  return rows.length > 0
}

/** After an account was fixed, its paused rows become due again. */
export async function resumeAccountMessages(knex: Knex, accountId: string): Promise<number> {
  return knex(TABLE)
    .where({ account_id: accountId, status: "queued" })
    .whereNull("next_attempt_at")
    .whereNull("deleted_at")
    .update({ next_attempt_at: knex.fn.now(), updated_at: knex.fn.now() })
}

/**
 * How many mails with a one-time link `address` was sent (or is about to be sent) in the last
 * hour. Counted in the database, so the cap holds across processes; the caller runs it in the
 * transaction that inserts the next row, after taking a transaction-scoped advisory lock on
 * the address, so two concurrent requests cannot both see the same count.
 */
export async function countRecentLinkMails(trx: Knex, address: string, eventNames: string[]): Promise<number> {
  await trx.raw("SELECT pg_advisory_xact_lock(hashtext(?))", [`mailer_one_time_link:${address.toLowerCase()}`])
  const { rows } = await trx.raw(
    `SELECT count(*)::int AS n FROM ${TABLE}
     WHERE deleted_at IS NULL AND event_name = ANY(?) AND created_at > now() - interval '1 hour'
       AND (status IN ('queued', 'sending', 'sent') OR (status = 'failed' AND attempts > 0))
       AND CASE jsonb_typeof("to")
             WHEN 'array' THEN EXISTS (SELECT 1 FROM jsonb_array_elements_text("to") AS r(address) WHERE lower(r.address) = lower(?))
             WHEN 'string' THEN lower("to" #>> '{}') = lower(?)
             ELSE false
           END`,
    [eventNames, address, address]
  )
  return rows[0]?.n ?? 0
}

export async function setAccountStatus(
  knex: Knex,
  accountId: string,
  status: string,
  lastError: string | null
): Promise<void> {
  await knex("mailer_account")
    .where({ id: accountId })
    .update({ status, last_error: lastError, updated_at: knex.fn.now() })
}

export async function loadAccountRow(knex: Knex, id: string): Promise<Record<string, any> | null> {
  const row = await knex("mailer_account").where({ id }).whereNull("deleted_at").first()
  return row ?? null
}
