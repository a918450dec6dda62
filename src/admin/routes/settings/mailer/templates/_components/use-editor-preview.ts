import { useEffect, useMemo, useState } from "react"
import { useTemplatePreview, type PreviewInput } from "../../../../../lib/api/templates"
import { MailerApiError } from "../../../../../lib/client"
import type { PickedOrder } from "./order-picker"
import type { TemplateEditorState } from "./use-template-editor"
import { useDebouncedValue } from "./use-debounced-value"

/** The preview waits for a typing pause this long before asking the server. */
const PREVIEW_DELAY_MS = 800

export const isNoOrderContext = (error: unknown) => error instanceof MailerApiError && error.code === "NO_ORDER_CONTEXT"

/**
 * The live preview of the draft: debounced, rendered by the server with the sample data or
 * the picked order. An order the event cannot be built from (a shipment mail needs its
 * shipment) falls back to the sample data and keeps the server's hint to show.
 */
export function useEditorPreview(editor: TemplateEditorState, eventName: string, locale: string) {
  const [order, setOrder] = useState<PickedOrder | null>(null)
  const [orderNotice, setOrderNotice] = useState<string | null>(null)
  const { draft } = editor
  const accountId = editor.base?.account_id ?? null

  const input = useMemo<PreviewInput | null>(
    () => draft && { event_name: eventName, locale, account_id: accountId, ...draft, order_id: order?.id ?? null },
    [draft, eventName, locale, accountId, order?.id]
  )
  const settled = useDebouncedValue(input, PREVIEW_DELAY_MS)
  const preview = useTemplatePreview(settled)

  useEffect(() => {
    if (isNoOrderContext(preview.error)) {
      const error = preview.error as MailerApiError
      setOrderNotice(error.hint ?? error.message)
      setOrder(null)
    }
  }, [preview.error])

  return {
    preview,
    /** The preview (and its errors) belong to what is in the editor now, not to an older draft. */
    isCurrent: JSON.stringify(settled) === JSON.stringify(input),
    order,
    pickOrder: (picked: PickedOrder | null) => {
      setOrder(picked)
      setOrderNotice(null)
    },
    orderNotice,
  }
}
