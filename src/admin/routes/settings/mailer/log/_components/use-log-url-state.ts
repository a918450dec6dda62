import type { DataTableFilteringState, DataTablePaginationState } from "@medusajs/ui"
import { useMemo } from "react"
import { useSearchParams } from "react-router-dom"
import type { MessageFilters } from "../../../../../lib/api/messages"
import type { MessageStatus } from "../../../../../lib/types"

export const LOG_PAGE_SIZE = 20

const STATUSES: MessageStatus[] = ["queued", "sending", "sent", "failed", "skipped"]

/**
 * The log's filters, search and page live in the URL in the API's own words
 * (`?status=failed,queued&event_name=order.placed&created_after=…&q=…&offset=20`), so a
 * filtered log can be bookmarked, shared and linked to from the overview and the order page.
 */
export function useLogUrlState() {
  const [params, setParams] = useSearchParams()

  const filters = useMemo(() => readFilters(params), [params])

  const filtering = useMemo<DataTableFilteringState>(() => {
    const state: DataTableFilteringState = {}
    if (filters.status?.length) state.status = filters.status
    if (filters.event_name) state.event_name = filters.event_name
    if (filters.account_id) state.account_id = filters.account_id
    if (filters.created_after || filters.created_before) {
      state.created_at = { $gte: filters.created_after, $lte: filters.created_before }
    }
    return state
  }, [filters])

  const pagination: DataTablePaginationState = {
    pageIndex: Math.floor((filters.offset ?? 0) / LOG_PAGE_SIZE),
    pageSize: LOG_PAGE_SIZE,
  }

  // Every change but paging starts again on the first page.
  const update = (change: (next: URLSearchParams) => void, keepOffset = false) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev)
      change(next)
      if (!keepOffset) next.delete("offset")
      return next
    })

  const setFiltering = (state: DataTableFilteringState) =>
    update((next) => {
      const date = (state.created_at ?? {}) as { $gte?: string; $lte?: string }
      setOrDelete(next, "status", Array.isArray(state.status) ? state.status.join(",") : undefined)
      setOrDelete(next, "event_name", state.event_name as string | undefined)
      setOrDelete(next, "account_id", state.account_id as string | undefined)
      setOrDelete(next, "created_after", date.$gte)
      setOrDelete(next, "created_before", date.$lte)
    })

  const setSearch = (q: string) => update((next) => setOrDelete(next, "q", q.trim()))

  const setPagination = (state: DataTablePaginationState) =>
    update((next) => setOrDelete(next, "offset", state.pageIndex ? String(state.pageIndex * LOG_PAGE_SIZE) : undefined), true)

  const clearResource = () => update((next) => next.delete("resource_id"))

  return { filters, filtering, setFiltering, search: params.get("q") ?? "", setSearch, pagination, setPagination, clearResource }
}

function readFilters(params: URLSearchParams): MessageFilters {
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

function setOrDelete(params: URLSearchParams, key: string, value: string | undefined) {
  if (value) params.set(key, value)
  else params.delete(key)
}
