import { loadOrderContext } from "./order"
import type { ContextLoader } from "./types"

/** Which loader builds the template context for which event. */
export const CONTEXT_LOADERS: Record<string, ContextLoader> = {
  "order.placed": loadOrderContext,
}

export const HANDLED_EVENTS = Object.keys(CONTEXT_LOADERS)
