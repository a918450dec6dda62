import { classifySmtpError, explainConnectionCheck } from "../core/classify-smtp-error"
import type { MailerError } from "../core/errors"
import { buildMailOptions } from "../core/smtp/build-mail"
import type { SmtpAccountSettings, SmtpSecrets } from "../core/smtp/transport-options"
import { createTransport, type MailTransport, type TransportTimeouts } from "./transport-cache"

export type ConnectionCheck = { ok: true; message_id?: string } | { ok: false; error: MailerError }

// Verification must answer while the merchant waits in the admin.
const VERIFY_TIMEOUTS: TransportTimeouts = { connectionTimeoutMs: 8_000, greetingTimeoutMs: 8_000, socketTimeoutMs: 15_000 }

/** Connects and authenticates (nodemailer's verify), without sending. */
export async function verifyConnection(account: SmtpAccountSettings, secrets: SmtpSecrets): Promise<ConnectionCheck> {
  return check(account, secrets, async (transport) => {
    await transport.verify()
    return { ok: true }
  })
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
 * "Test and save": sends one mail with settings that are not stored yet, so it cannot go
 * through the outbox, and test mode (applied in deliver) does not route it. That is decided
 * on purpose: the admin names the recipient in the same action ("send a test mail to me"),
 * it is not a shop mail to a customer. Everything else that sends goes through deliver.
 */
export async function sendDirect(account: SmtpAccountSettings, secrets: SmtpSecrets, mail: DirectMail): Promise<ConnectionCheck> {
  return check(account, secrets, async (transport) => {
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
  })
}

/**
 * One unpooled connection for a check. Settings that cannot even build a transport (a
 * forbidden host, a login in plain text, a missing password) are a failed check like any
 * other, so the caller records them on the account. Errors arrive redacted (createTransport).
 */
async function check(
  account: SmtpAccountSettings,
  secrets: SmtpSecrets,
  run: (transport: MailTransport) => Promise<ConnectionCheck>
): Promise<ConnectionCheck> {
  let transport: MailTransport | null = null
  try {
    transport = createTransport(account, secrets, { pool: false, ...VERIFY_TIMEOUTS })
    return await run(transport)
  } catch (err) {
    const error = classifySmtpError(err, { secrets: { username: account.username, password: secrets.password, dkimPrivateKey: secrets.dkimPrivateKey } })
    return { ok: false, error: explainConnectionCheck(error, account.security) }
  } finally {
    transport?.close()
  }
}
