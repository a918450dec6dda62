import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { RetryPolicy } from "../core/backoff"
import { secretsForConnection, type SecretBox } from "../lib/secrets"
import type { AccountRecord } from "../lib/account-fields"
import type { DeliveryResult, MailerPluginOptions } from "../types"
import { deliverMessage, type DeliveryDeps } from "./deliver"
import { dueMessageIds } from "./outbox-store"
import { TransportCache } from "./transport-cache"
import type { AccessTokens } from "../oauth/access-tokens"
import { withOAuthSource } from "../oauth/token-source"

/** How long a claimed message may stay "sending" before another worker may take it over. */
const DEFAULT_LEASE_MS = 2 * 60 * 1000

/** The module's one sender cache, with the SMTP timeouts of the plugin options. */
export function transportCacheFor(timeouts: MailerPluginOptions["smtp_timeouts"] = {}): TransportCache {
  return new TransportCache({
    connectionTimeoutMs: timeouts.connection_ms,
    greetingTimeoutMs: timeouts.greeting_ms,
    socketTimeoutMs: timeouts.socket_ms,
  })
}

export interface DeliveryParts {
  transports: TransportCache
  secrets: SecretBox
  retry: RetryPolicy
  leaseMs?: number
  /** Access tokens of OAuth2 accounts (oauth/access-tokens.ts), handed to their senders. */
  oauth?: AccessTokens
}

/** What deliverMessage needs, from the module service's parts and the request's connection. */
export function deliveryDeps(knex: Knex, parts: DeliveryParts): DeliveryDeps {
  return {
    knex,
    transports: parts.transports,
    openSecrets: (account) => withOAuthSource(secretsForConnection(parts.secrets, account as AccountRecord), account, parts.oauth, knex),
    retry: parts.retry,
    leaseMs: parts.leaseMs ?? DEFAULT_LEASE_MS,
    openLink: (sealed, rowId) => parts.secrets.open(sealed, rowId),
  }
}

/**
 * How many mails one outbox run sends at the same time. Each account's pooled
 * sender keeps up to 2 connections (POOL_MAX_CONNECTIONS in
 * core/smtp/transport-options.ts); one more in flight lets the database work of
 * the next mail (claim, record) overlap the SMTP exchange of the others, so the
 * connections never wait for PostgreSQL. Sends beyond the pool queue inside it.
 */
export const DELIVERY_CONCURRENCY = 3

/**
 * Delivers up to `limit` due messages (retries, expired leases, a burst of new
 * mails): the due ids are read in one batch, then sent `concurrency` at a time.
 * Each row is still claimed by deliverMessage (FOR UPDATE SKIP LOCKED with a
 * lease), so several processes draining at once never send a row twice.
 * Results keep the order of the batch.
 */
export async function deliverDueMessages(
  deps: DeliveryDeps,
  limit: number,
  concurrency = DELIVERY_CONCURRENCY
): Promise<DeliveryResult[]> {
  const ids = await dueMessageIds(deps.knex, limit)
  const results: DeliveryResult[] = new Array(ids.length)
  const errors: unknown[] = []
  let next = 0
  const lane = async () => {
    while (next < ids.length) {
      const index = next++
      try {
        results[index] = await deliverMessage(deps, ids[index]!)
      } catch (err) {
        // A database error on one row must not strand the rows the other lanes hold.
        errors.push(err)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, ids.length)) }, lane))
  if (errors.length > 0) throw errors[0]
  return results
}
