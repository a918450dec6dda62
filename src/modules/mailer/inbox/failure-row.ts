import { describeError } from "../core/errors"
import { MAIL_EVENTS } from "../core/events/definitions"
import type { EventError } from "./classify"

/**
 * The mail log row that tells the merchant an event ended without a mail: status `failed`,
 * the error code and hint of the error table, the template event and the resource (order,
 * customer …) the payload names, so it shows in the log and on the order page. Its `to` is
 * null, so "Send again" to the original recipient rebuilds the mail from the event (the
 * definition's `resend` rule: core/events/resend.ts) with the recipient the shop data names.
 */

/** Where the log files the failure: the template event and the resource, as far as the payload names them. */
export interface LogRef {
  event_name: string
  resource_type: string | null
  resource_id: string | null
  occurrence: string | null
}

const OCCURRENCE_KEYS = ["return_id", "claim_id", "exchange_id", "fulfillment_id"] as const

export function logRefFor(medusaEvent: string, data: Record<string, unknown>): LogRef {
  const template = templateEventOf(medusaEvent, data)
  const resourceType = template?.resource_type ?? null
  const orderId = text(data.order_id)
  // { id } is the order only for order.* events; shipment.created's is a fulfillment, payment.refunded's a payment.
  const ownId = resourceType !== "order" || medusaEvent.startsWith("order.") ? text(data.id) : null
  return {
    event_name: template?.name ?? medusaEvent,
    resource_type: resourceType,
    resource_id: orderId ?? ownId,
    occurrence: orderId ? OCCURRENCE_KEYS.map((k) => text(data[k])).find(Boolean) ?? null : null,
  }
}

/** The Medusa event's template event: the same name, or the one the payload's actor_type picks (password resets). */
function templateEventOf(medusaEvent: string, data: Record<string, unknown>) {
  const family = MAIL_EVENTS.find((d) => Object.prototype.hasOwnProperty.call(d.medusa_events, medusaEvent))
  const events = family?.template_events ?? []
  return (
    events.find((t) => t.name === medusaEvent) ??
    events.find((t) => t.name === `${medusaEvent}.${text(data.actor_type) ?? ""}`) ??
    (events.length === 1 ? events[0] : undefined)
  )
}

export interface FailedEvent {
  id: string
  event_name: string
  data: Record<string, unknown>
  attempts: number
  received_at: Date
}

/** The failed log row's fields (the caller adds id and timestamps). */
export function failureLogRow(event: FailedEvent, error: EventError): Record<string, unknown> {
  const described = describeError(error.code, "en")
  const tries = `${event.attempts} ${event.attempts === 1 ? "attempt" : "attempts"}`
  return {
    idempotency_key: `event-failed:${event.id}`,
    status: "failed",
    ...logRefFor(event.event_name, event.data),
    to: null,
    error_code: described.code,
    error_message: `${error.message} (event ${event.event_name}, ${tries} since ${event.received_at.toISOString()})`,
    error_hint: described.hint,
    triggered_by: "system",
  }
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null
}
