import { findEvent } from "./catalog"
import type { LoadedEmailContext } from "./types"

/** A context built from the event's sample data, for previews and test mails without a real order. */
export function sampleEmailContext(eventName: string, staffUserId: string | null = null): LoadedEmailContext | null {
  const event = findEvent(eventName)
  if (!event) {
    return null
  }
  const context = JSON.parse(JSON.stringify(event.sample_context)) as Record<string, any>
  return {
    event_name: eventName,
    resource_type: event.resource_type,
    resource_id: "sample",
    recipient: context.order?.email ?? context.customer?.email ?? context.email ?? context.invite?.email ?? null,
    sales_channel_id: null,
    locale_candidates: [],
    store_locales: [],
    currency_code: context.order?.currency_code ?? context.refund?.currency_code ?? null,
    context,
    staff_user_id: staffUserId,
    staff_user: null,
    skip_reason: null,
  }
}
