/**
 * Which processing failures of an event are worth retrying. Pure (no @medusajs imports): a
 * workflow hands its step's error over serialized ({ name, message, type, code … }), so the
 * decision reads the shape, not the class.
 *
 * Permanent: what retrying cannot fix — the resource does not exist (Query's
 * throwIfKeyNotFound → MedusaError "not_found"), the payload is unusable, no mail is defined
 * for the event ("invalid_data"). Everything else (a database or Query error, a crash while
 * rendering, a deadlock) is transient: it is retried until the retry lifetime is over.
 */

export type EventErrorCode = "EVENT_PROCESSING_FAILED" | "EVENT_RESOURCE_NOT_FOUND" | "EVENT_PAYLOAD_INVALID"

export interface EventError {
  code: EventErrorCode
  permanent: boolean
  /** The technical detail for the log: one line, no credentials, at most MAX_DETAIL characters. */
  message: string
}

export const MAX_DETAIL = 500

const PERMANENT_TYPES: Record<string, EventErrorCode> = {
  not_found: "EVENT_RESOURCE_NOT_FOUND",
  invalid_data: "EVENT_PAYLOAD_INVALID",
  invalid_argument: "EVENT_PAYLOAD_INVALID",
}

/** Thrown by the inbox itself for a payload it refuses before running anything. */
export class EventPayloadError extends Error {
  readonly type = "invalid_data"
  constructor(message: string) {
    super(message)
    this.name = "EventPayloadError"
  }
}

export function classifyEventError(err: unknown): EventError {
  const shape = (err && typeof err === "object" ? err : {}) as Record<string, unknown>
  const type = typeof shape.type === "string" ? shape.type : ""
  const code = PERMANENT_TYPES[type]
  return code
    ? { code, permanent: true, message: errorDetail(err) }
    : { code: "EVENT_PROCESSING_FAILED", permanent: false, message: errorDetail(err) }
}

/** "[42P01] relation "x" does not exist": the error's own code (pg, Medusa) and message, cleaned. */
export function errorDetail(err: unknown): string {
  const shape = (err && typeof err === "object" ? err : {}) as Record<string, unknown>
  const message = typeof shape.message === "string" && shape.message ? shape.message : String(err ?? "unknown error")
  const code = typeof shape.code === "string" || typeof shape.code === "number" ? `[${shape.code}] ` : ""
  return cleanDetail(`${code}${message}`)
}

/**
 * One line, capped, and without the password of a connection string
 * (postgres://user:secret@host → postgres://user:[redacted]@host) that a driver error may echo.
 */
export function cleanDetail(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim()
  const safe = oneLine.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi, "$1:[redacted]@")
  return safe.length > MAX_DETAIL ? `${safe.slice(0, MAX_DETAIL - 1)}…` : safe
}

const ID_KEYS = ["id", "order_id", "entity_id"] as const

/**
 * Refuses a payload no loader can use: not an object, or without any of the ids the plugin's
 * events carry ({ id }, { order_id, … }, a reset's { entity_id }). A loader given no id would
 * otherwise query without a filter.
 */
export function payloadProblem(data: unknown): string | null {
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    return `The event payload is not an object: ${cleanDetail(JSON.stringify(data) ?? String(data))}`
  }
  const record = data as Record<string, unknown>
  const hasId = ID_KEYS.some((key) => typeof record[key] === "string" && (record[key] as string).trim() !== "")
  return hasId ? null : `The event payload names no id (${ID_KEYS.join(", ")}): keys ${Object.keys(record).join(", ") || "none"}`
}
