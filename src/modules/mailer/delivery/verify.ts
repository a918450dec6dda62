import { classifySmtpError } from "../core/classify-smtp-error"
import type { MailerError } from "../core/errors"
import { buildMailOptions } from "../core/smtp/build-mail"
import type { SmtpAccountSettings, SmtpSecrets } from "../core/smtp/transport-options"
import { createTransport, type TransportTimeouts } from "./transport-cache"

export type ConnectionCheck = { ok: true; message_id?: string } | { ok: false; error: MailerError }

// Verification must answer while the merchant waits in the admin.
const VERIFY_TIMEOUTS: TransportTimeouts = { connectionTimeoutMs: 8_000, greetingTimeoutMs: 8_000, socketTimeoutMs: 15_000 }

/** Connects and authenticates (nodemailer's verify), without sending. */
export async function verifyConnection(account: SmtpAccountSettings, secrets: SmtpSecrets): Promise<ConnectionCheck> {
  const transport = createTransport(account, secrets, { pool: false, ...VERIFY_TIMEOUTS })
  try {
    await transport.verify()
    return { ok: true }
  } catch (err) {
    return { ok: false, error: classifySmtpError(err) }
  } finally {
    transport.close()
  }
}

export interface DirectMail {
  from: { name?: string | null; address: string }
  to: string
  subject: string
  html: string
  text: string
  messageId: string
}

/**
 * "Test and save": sends one mail with settings that are not stored yet, so
 * it cannot go through the outbox. The merchant names the recipient.
 */
export async function sendDirect(account: SmtpAccountSettings, secrets: SmtpSecrets, mail: DirectMail): Promise<ConnectionCheck> {
  const transport = createTransport(account, secrets, { pool: false, ...VERIFY_TIMEOUTS })
  try {
    const info = await transport.sendMail(
      buildMailOptions({
        from: mail.from,
        envelope: { to: [mail.to], cc: [], bcc: [] },
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
      })
    )
    return { ok: true, message_id: info.messageId }
  } catch (err) {
    return { ok: false, error: classifySmtpError(err) }
  } finally {
    transport.close()
  }
}
