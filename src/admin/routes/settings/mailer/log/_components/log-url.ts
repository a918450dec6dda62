import type { DataTableFilteringState } from "@medusajs/ui"
import type { MessageFilters } from "../../../../../lib/api/messages"
import type { MessageStatus } from "../../../../../lib/types"

/**
 * The log's URL in the API's own words (`?status=failed,queued&event_name=order.placed&
 * created_after=…&q=…&offset=20`) and the DataTable's filter state, both ways. Pure, so the
 * mapping is tested without a browser.
 */
const STATUSES: MessageStatus[] = ["queued", "sending", "sent", "failed", "skipped"]

export function readLogFilters(params: URLSearchParams): MessageFilters {
  const status = (params.get("status") ?? "")
    .split(",")
    .filter((s): s is MessageStatus => STATUSES.includes(s as MessageStatus))
  const offset = Number(params.get("offset"))
  return {
    status: status.length ? status : undefined,
    event_name: params.get("event_name") || undefined,
    account_id: params.get("account_id") || undefined,
    resource_id: params.get("resource_id") || undefined,
    q: params.get("q")?.trim() || undefined,
    created_after: validDate(params.get("created_after")),
    created_before: validDate(params.get("created_before")),
    offset: Number.isInteger(offset) && offset > 0 ? offset : undefined,
  }
}

// A hand-edited URL with a broken date would make the API answer 400 and the log stay empty.
function validDate(value: string | null): string | undefined {
  return value && !Number.isNaN(Date.parse(value)) ? value : undefined
}

export function setOrDelete(params: URLSearchParams, key: string, value: string | undefined) {
  if (value) params.set(key, value)
  else params.delete(key)
}

export function filteringOf(filters: MessageFilters): DataTableFilteringState {
  const state: DataTableFilteringState = {}
  if (filters.status?.length) state.status = filters.status
  if (filters.event_name) state.event_name = filters.event_name
  if (filters.account_id) state.account_id = filters.account_id
  if (filters.created_after || filters.created_before) {
    state.created_at = { $gte: filters.created_after, $lte: filters.created_before }
  }
  return state
}

/** Writes the DataTable's filters into the URL; filters it does not know (resource_id, q) stay. */
export function writeFiltering(params: URLSearchParams, state: DataTableFilteringState): void {
  const date = (state.created_at ?? {}) as { $gte?: string; $lte?: string }
  setOrDelete(params, "status", Array.isArray(state.status) ? state.status.join(",") : undefined)
  setOrDelete(params, "event_name", typeof state.event_name === "string" ? state.event_name : undefined)
  setOrDelete(params, "account_id", typeof state.account_id === "string" ? state.account_id : undefined)
  setOrDelete(params, "created_after", date.$gte)
  setOrDelete(params, "created_before", date.$lte)
}
