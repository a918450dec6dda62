import type { MailerError } from "../../core/errors"
import type { OutgoingMail } from "../../core/smtp/build-mail"
import type { SmtpAccountSettings, SmtpSecrets } from "../../core/smtp/transport-options"

/**
 * The transports an account can name: the values of the account model's `transport` column.
 * SENDERS (index.ts) must have a factory for each, so a new value without one does not compile.
 */
export const ACCOUNT_TRANSPORTS = ["smtp"] as const
export type AccountTransport = (typeof ACCOUNT_TRANSPORTS)[number]

/**
 * The account as a factory reads it. Host and port are nullable in the database (a transport
 * that is not SMTP has none); the SMTP factory refuses an account without them.
 */
export type SenderAccount = Omit<SmtpAccountSettings, "host" | "port"> & {
  transport?: string | null
  host?: string | null
  port?: number | null
}

/** What the receiving side took: the Message-ID and the addresses it accepted or refused. */
export interface SendResult {
  messageId: string
  accepted: string[]
  rejected: string[]
}

/**
 * The transport contract: how delivery (deliver.ts) and the connection checks (verify.ts)
 * send, without knowing the protocol. Rules every implementation keeps:
 * - send, verify (and the factory itself) fail only with a MailerError from the one error
 *   table, with the account's secrets redacted (core/redact.ts): callers store, log and
 *   answer these errors as they are;
 * - classify turns anything else the transport's library throws into such an error;
 * - close is safe to call more than once.
 * See docs/architecture.md, "Transport contract".
 */
export interface MailSender {
  send(mail: OutgoingMail): Promise<SendResult>
  /** Connects and authenticates without sending (the admin's "verify"). */
  verify(): Promise<void>
  close(): void
  classify(err: unknown): MailerError
  /**
   * A connection check's error restated for the admin (e.g. "this port expects SSL"), where
   * the transport can tell more than the raw failure; optional.
   */
  explainCheck?(error: MailerError): MailerError
}

export interface SenderTimeouts {
  connectionTimeoutMs?: number
  greetingTimeoutMs?: number
  socketTimeoutMs?: number
}

/** pool: keep connections open for consecutive mails (delivery), or one-off (checks). */
export type SenderOptions = { pool: boolean } & SenderTimeouts

/** What a transport file exports and SENDERS lists: the account's sender, made from its settings and opened secrets. */
export type SenderFactory = (account: SenderAccount, secrets: SmtpSecrets, opts: SenderOptions) => MailSender
