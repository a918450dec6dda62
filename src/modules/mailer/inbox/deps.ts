import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import type { SecretBox } from "../lib/secrets"
import type { MailerPluginOptions } from "../types"
import type { InboxDeps } from "./process"
import { eventRetryPolicy } from "./retry"

/**
 * How long a claimed event may stay "processing" before another worker takes it over. Covers
 * the send workflow, whose delivery step may wait for a slow SMTP server; if it runs longer
 * the event is processed again, which is harmless: the outbox row's unique key makes the
 * second run find the first one's mail instead of writing another.
 */
export const DEFAULT_EVENT_LEASE_MS = 2 * 60 * 1000

export const DEFAULT_EVENT_BATCH = 50

/** The inbox's dependencies from the module service's parts (read per call: options may be set at runtime by tests). */
export function inboxDeps(
  knex: Knex,
  parts: { secrets: SecretBox; options: MailerPluginOptions; retry: { lifetimeMs?: unknown } }
): InboxDeps {
  return {
    knex,
    leaseMs: parts.options.lease_ms ?? DEFAULT_EVENT_LEASE_MS,
    policy: eventRetryPolicy(parts.options.event_retry, parts.retry),
    newEventId: () => generateEntityId(undefined, "mevt"),
    newMessageId: () => generateEntityId(undefined, "mmsg"),
    seal: (plain, rowId) => parts.secrets.seal(plain, rowId),
    open: (sealed, rowId) => parts.secrets.open(sealed, rowId),
  }
}
