import { XMarkMini } from "@medusajs/icons"
import { Button, Input, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { sdk } from "../../../../../lib/sdk"
import { useDebouncedValue } from "./use-debounced-value"

export interface PickedOrder {
  id: string
  display_id: number
  email: string | null
}

/** Orders matching a number, an e-mail address or a customer name (the dashboard's own search). */
function useOrderSearch(q: string) {
  return useQuery({
    queryKey: ["mailer", "templates", "order-search", q],
    queryFn: async (): Promise<PickedOrder[]> => {
      const { orders } = await sdk.admin.order.list({ q, fields: "id,display_id,email,created_at", limit: 10 })
      return orders.map((o) => ({ id: o.id, display_id: o.display_id as number, email: o.email ?? null }))
    },
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  })
}

/**
 * "Sample data" or a real order: the preview and the test mail render with the picked
 * order's data. Empty = the event's sample data.
 */
export const OrderPicker = ({
  value,
  onChange,
  testId,
}: {
  value: PickedOrder | null
  onChange: (order: PickedOrder | null) => void
  testId: string
}) => {
  const { t } = useTranslation("mailer")
  const [q, setQ] = useState("")
  const search = useOrderSearch(useDebouncedValue(q, 300))

  if (value) {
    return (
      <div className="flex items-center gap-x-2" data-testid={`${testId}-picked`}>
        <Text size="small" weight="plus">
          {t("templates.order.picked", { number: value.display_id, email: value.email ?? "–" })}
        </Text>
        <Button size="small" variant="transparent" onClick={() => onChange(null)} data-testid={`${testId}-clear`}>
          <XMarkMini />
          {t("templates.order.useSample")}
        </Button>
      </div>
    )
  }

  return (
    <div className="flex flex-col gap-y-1">
      <Input
        size="small"
        type="text"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t("templates.order.searchPlaceholder")}
        aria-label={t("templates.order.searchLabel")}
        data-testid={`${testId}-search`}
      />
      {q.trim() && (
        <div className="shadow-elevation-card-rest bg-ui-bg-base flex flex-col rounded-md py-1" role="listbox" aria-label={t("templates.order.results")}>
          {search.isFetching && !search.data && (
            <Text size="small" className="text-ui-fg-subtle px-3 py-1.5">
              {t("states.loading")}
            </Text>
          )}
          {search.data?.length === 0 && (
            <Text size="small" className="text-ui-fg-subtle px-3 py-1.5">
              {t("templates.order.noResults")}
            </Text>
          )}
          {search.error && (
            <Text size="small" className="text-ui-fg-error px-3 py-1.5">
              {(search.error as Error).message}
            </Text>
          )}
          {search.data?.map((order) => (
            <button
              key={order.id}
              type="button"
              role="option"
              aria-selected={false}
              className="hover:bg-ui-bg-base-hover txt-compact-small px-3 py-1.5 text-left"
              onClick={() => {
                onChange(order)
                setQ("")
              }}
              data-testid={`${testId}-option`}
            >
              #{order.display_id} · {order.email ?? "–"}
            </button>
          ))}
        </div>
      )}
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("templates.order.sampleInUse")}
      </Text>
    </div>
  )
}
