/**
 * The event inbox (models/event.ts): types shared by its store, its pure decisions and the
 * service methods. The module cannot run workflows (its container is isolated), so whoever
 * processes an event hands in an EventRunner that runs the send workflow.
 */

export type InboxStatus = "pending" | "processing" | "done" | "failed"

/** A mailer_event row as the store reads it. */
export interface InboxRow {
  id: string
  event_name: string
  /** The payload as stored: secrets sealed (payload.ts). */
  data: Record<string, unknown>
  received_at: Date | string
  status: InboxStatus
  attempts: number
  next_attempt_at: Date | string | null
  lease_until: Date | string | null
  last_error: { code: string; message: string } | null
  message_ids: string[] | null
}

/** What an EventRunner gets: the event as emitted, secrets opened. */
export interface InboxEventInput {
  id: string
  event_name: string
  data: Record<string, unknown>
}

/** The outbox rows (mailer_message ids) the run wrote or found. */
export interface EventRunResult {
  message_ids: string[]
}

/** Runs the send workflow for one event; throws when processing fails. */
export type EventRunner = (event: InboxEventInput) => Promise<EventRunResult>

export interface EventOutcome {
  id: string
  event_name: string
  /**
   * done, pending (retried at next_attempt_at) or failed (a failed log row says why);
   * `lost` when another worker took the event over meanwhile (its lease had run out).
   */
  status: "done" | "pending" | "failed" | "lost"
  attempts: number
  error_code?: string
  next_attempt_at?: Date | null
  message_ids?: string[]
}
