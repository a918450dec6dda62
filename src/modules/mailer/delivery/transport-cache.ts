import { createHash } from "node:crypto"
import type { SmtpSecrets } from "../core/smtp/transport-options"
import { createSender, type MailSender, type SenderAccount, type SenderTimeouts } from "./transports"

interface CachedSender {
  fingerprint: string
  sender: MailSender
}

export type CacheableAccount = SenderAccount & {
  id: string
  updated_at?: Date | string | null
  password?: string | null
  dkim_private_key?: string | null
  auth_method?: string | null
  oauth_connected_at?: Date | string | null
}

/**
 * One pooled sender per account (createSender in transports/), so consecutive mails reuse
 * the connection. The fingerprint covers every connection setting and the stored
 * (encrypted) secrets, so an edited account gets a fresh pool.
 */
export class TransportCache {
  private readonly entries = new Map<string, CachedSender>()

  constructor(private readonly timeouts: SenderTimeouts = {}) {}

  get(account: CacheableAccount, openSecrets: () => SmtpSecrets): MailSender {
    const fingerprint = fingerprintOf(account)
    const cached = this.entries.get(account.id)
    if (cached?.fingerprint === fingerprint) {
      return cached.sender
    }
    cached?.sender.close()
    const sender = createSender(account, openSecrets(), { pool: true, ...this.timeouts })
    this.entries.set(account.id, { fingerprint, sender })
    return sender
  }

  evict(accountId: string): void {
    this.entries.get(accountId)?.sender.close()
    this.entries.delete(accountId)
  }

  closeAll(): void {
    for (const { sender } of this.entries.values()) {
      sender.close()
    }
    this.entries.clear()
  }
}

function fingerprintOf(account: CacheableAccount): string {
  const relevant = [
    account.transport ?? "smtp",
    account.host,
    account.port,
    account.security,
    account.auth_required,
    account.username,
    account.password,
    account.rate_limit_messages,
    account.rate_limit_pause_ms,
    account.dkim_domain,
    account.dkim_selector,
    account.dkim_private_key,
    // OAuth2: a new sign-in (not each refreshed token, which the sender fetches itself)
    account.auth_method,
    account.oauth_connected_at,
  ]
  return createHash("sha256").update(JSON.stringify(relevant)).digest("hex")
}
