import type { DataTableFilteringState, DataTablePaginationState } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { filteringOf, readLogFilters, setOrDelete, writeFiltering } from "./log-url"

export const LOG_PAGE_SIZE = 20

/**
 * The log's filters, search and page live in the URL, so a filtered log can be bookmarked,
 * shared and linked to from the overview and the order page.
 */
export function useLogUrlState() {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => readLogFilters(params), [params])
  // A filter just added from the filter menu has no value yet, so the URL cannot hold it; it is
  // kept here until the merchant picks a value (else the DataTable never shows its picker).
  const [pending, setPending] = useState<DataTableFilteringState>({})
  const filtering = useMemo(() => ({ ...pending, ...filteringOf(filters) }), [filters, pending])
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

  return {
    filters,
    filtering,
    setFiltering: (state: DataTableFilteringState) => {
      setPending(Object.fromEntries(Object.entries(state).filter(([, value]) => isEmptyFilterValue(value))))
      update((next) => writeFiltering(next, state))
    },
    search: params.get("q") ?? "",
    // Kept as typed (the input shows the URL's value; trimming would eat the space being typed).
    setSearch: (q: string) => update((next) => setOrDelete(next, "q", q)),
    pagination,
    setPagination: (state: DataTablePaginationState) =>
      update((next) => setOrDelete(next, "offset", state.pageIndex ? String(state.pageIndex * LOG_PAGE_SIZE) : undefined), true),
    clearResource: () => update((next) => next.delete("resource_id")),
  }
}

function isEmptyFilterValue(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === "object") return Object.values(value as object).every((v) => v === undefined || v === null || v === "")
  return false
}
