import { createHash } from "node:crypto"
import nodemailer from "nodemailer"
import { classifySmtpError } from "../core/classify-smtp-error"
import type { SecretMaterial } from "../core/redact"
import { toTransportOptions, type SmtpAccountSettings, type SmtpSecrets } from "../core/smtp/transport-options"
import { guardedSocket } from "./guarded-socket"

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

/**
 * A nodemailer transport for the account (pooled for delivery, one-off for verify and test
 * and save). Connections go through guardedSocket (no forbidden addresses), and every error
 * leaves it as a MailerError with the account's own secrets removed, so no caller can store,
 * log or return a password a server echoed.
 */
export function createTransport(
  account: SmtpAccountSettings,
  secrets: SmtpSecrets,
  opts: { pool: boolean } & TransportTimeouts
): MailTransport {
  const options = toTransportOptions(account, secrets, opts)
  const transport = nodemailer.createTransport({ ...options, getSocket: guardedSocket } as any) as unknown as MailTransport
  return redacting(transport, { username: account.username, password: secrets.password, dkimPrivateKey: secrets.dkimPrivateKey })
}

function redacting(transport: MailTransport, secrets: SecretMaterial): MailTransport {
  const clean = (err: unknown) => {
    throw classifySmtpError(err, { secrets })
  }
  return {
    sendMail: (mail) => transport.sendMail(mail).catch(clean),
    verify: () => transport.verify().catch(clean),
    close: () => transport.close(),
  }
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
