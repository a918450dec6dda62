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

/** Delivers up to `limit` due messages (retries, expired leases), one after the other. */
export async function deliverDueMessages(deps: DeliveryDeps, limit: number): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = []
  for (const id of await dueMessageIds(deps.knex, limit)) {
    results.push(await deliverMessage(deps, id))
  }
  return results
}
