import { createHash } from "node:crypto"
import nodemailer from "nodemailer"
import { toTransportOptions, type SmtpAccountSettings, type SmtpSecrets } from "../core/smtp/transport-options"

export interface SendInfo {
  messageId: string
  accepted: (string | { address: string })[]
  rejected: (string | { address: string })[]
}

export interface MailTransport {
  sendMail(mail: object): Promise<SendInfo>
  verify(): Promise<true>
  close(): void
}

export interface TransportTimeouts {
  connectionTimeoutMs?: number
  greetingTimeoutMs?: number
  socketTimeoutMs?: number
}

interface CachedTransport {
  fingerprint: string
  transport: MailTransport
}

export type CacheableAccount = SmtpAccountSettings & {
  id: string
  updated_at?: Date | string | null
  password?: string | null
  dkim_private_key?: string | null
}

/**
 * One pooled nodemailer transport per account, so consecutive mails reuse the
 * SMTP connection. The fingerprint covers every connection setting and the
 * stored (encrypted) secrets, so an edited account gets a fresh pool.
 */
export class TransportCache {
  private readonly entries = new Map<string, CachedTransport>()

  constructor(private readonly timeouts: TransportTimeouts = {}) {}

  get(account: CacheableAccount, openSecrets: () => SmtpSecrets): MailTransport {
    const fingerprint = fingerprintOf(account)
    const cached = this.entries.get(account.id)
    if (cached?.fingerprint === fingerprint) {
      return cached.transport
    }
    cached?.transport.close()
    const transport = createTransport(account, openSecrets(), { pool: true, ...this.timeouts })
    this.entries.set(account.id, { fingerprint, transport })
    return transport
  }

  evict(accountId: string): void {
    this.entries.get(accountId)?.transport.close()
    this.entries.delete(accountId)
  }

  closeAll(): void {
    for (const { transport } of this.entries.values()) {
      transport.close()
    }
    this.entries.clear()
  }
}

/** A one-off, unpooled transport (verify, test-and-save). */
export function createTransport(
  account: SmtpAccountSettings,
  secrets: SmtpSecrets,
  opts: { pool: boolean } & TransportTimeouts
): MailTransport {
  const options = toTransportOptions(account, secrets, opts)
  return nodemailer.createTransport(options as any) as unknown as MailTransport
}

function fingerprintOf(account: CacheableAccount): string {
  const relevant = [
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
  ]
  return createHash("sha256").update(JSON.stringify(relevant)).digest("hex")
}
