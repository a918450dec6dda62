import { describeError } from "../../modules/mailer/core/errors"
import { findEvent } from "../../modules/mailer/core/events/catalog"
import type { LoadedEmailContext } from "../../modules/mailer/core/events/types"

/**
 * What the Notification Module hands a provider. At run time the entry also carries the
 * notification's own columns (`id`, `idempotency_key`, `resource_id` …: notification-module-service
 * passes the whole row), which ProviderSendNotificationDTO does not declare.
 */
export interface NotificationEntry {
  id?: string
  idempotency_key?: string | null
  resource_id?: string | null
  resource_type?: string | null
  to: string
  channel: string
  template?: string | null
  data?: Record<string, unknown> | null
}

export const NOTIFICATION_RESOURCE_TYPE = "notification"

/** The outbox key: the notification's idempotency key when it has one, so a second createNotifications
 * of the same key on another process (the module does not lock) adds no second mail. */
export function notificationOutboxKey(entry: NotificationEntry, retryOf?: string): string {
  const base = entry.idempotency_key ? `notification:key:${entry.idempotency_key}` : `notification:id:${entry.id ?? "none"}`
  return retryOf ? `${base}:retry:${retryOf}` : base
}

/**
 * The notification as a mail context for the plugin's draft pipeline: the template is a template
 * event (a catalog event such as "order.placed": the merchant's stored template for it, else the
 * shipped default), `data` its Handlebars context, `data.locale` the preferred language. An unknown
 * template becomes a load failure, so the pipeline writes a failed log row with the reason.
 */
export function notificationMailContext(entry: NotificationEntry): LoadedEmailContext {
  const data = (entry.data ?? {}) as Record<string, unknown>
  const template = String(entry.template ?? "")
  const known = findEvent(template)
  const locale = typeof data.locale === "string" ? data.locale : null
  return {
    event_name: template || "notification",
    resource_type: entry.resource_type || NOTIFICATION_RESOURCE_TYPE,
    resource_id: entry.resource_id || entry.id || "notification",
    occurrence_id: entry.id ?? null,
    recipient: entry.to || null,
    sales_channel_id: typeof data.sales_channel_id === "string" ? data.sales_channel_id : null,
    locale_candidates: [locale],
    store_locales: [],
    currency_code: typeof data.currency_code === "string" ? data.currency_code : null,
    context: data,
    staff_user_id: null,
    staff_user: null,
    skip_reason: null,
    failure: known ? null : unknownTemplate(template),
    links: null,
  }
}

function unknownTemplate(template: string) {
  const described = describeError("UNKNOWN_EVENT", "en", { event_name: template || "(none)" })
  return {
    code: "UNKNOWN_EVENT",
    message: `Notification template "${template}" is not a mail event of medusa-plugin-mailer. ${described.message}`,
    hint: described.hint,
  }
}
