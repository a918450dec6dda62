import type { LoadedEmailContext } from "./types"

/**
 * The resource part of an event's idempotency key: the resource, plus the
 * occurrence when one resource has several mails of one event (two shipments
 * of an order, two password resets of an account): `order_1/ful_2`.
 */
export function occurrenceKey(loaded: Pick<LoadedEmailContext, "resource_id" | "occurrence_id">): string {
  return loaded.occurrence_id ? `${loaded.resource_id}/${loaded.occurrence_id}` : loaded.resource_id
}
