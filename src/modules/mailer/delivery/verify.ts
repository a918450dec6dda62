import { generateEntityId } from "@medusajs/framework/utils"
import { isMailerError, type MailerError } from "../core/errors"
import { buildMailOptions, buildMessageId } from "../core/smtp/build-mail"
import { buildTestMail } from "../core/templates/test-mail"
import type { SmtpSecrets } from "../core/smtp/transport-options"
import { createSender, type MailSender, type SenderAccount, type SenderTimeouts } from "./transports"

export type ConnectionCheck = { ok: true; message_id?: string } | { ok: false; error: MailerError }

// Verification must answer while the merchant waits in the admin.
const VERIFY_TIMEOUTS: SenderTimeouts = { connectionTimeoutMs: 8_000, greetingTimeoutMs: 8_000, socketTimeoutMs: 15_000 }

/** Connects and authenticates (the sender's verify), without sending. */
export async function verifyConnection(account: SenderAccount, secrets: SmtpSecrets): Promise<ConnectionCheck> {
  return check(account, secrets, async (sender) => {
    await sender.verify()
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
 * it is not a shop mail to a customer. It uses the same sender factory as delivery
 * (transports/), only unpooled; every mail of the shop goes through deliver.
 */
export async function sendDirect(account: SenderAccount, secrets: SmtpSecrets, mail: DirectMail): Promise<ConnectionCheck> {
  return check(account, secrets, async (sender) => {
    const result = await sender.send(
      buildMailOptions({
        from: mail.from,
        envelope: { to: [mail.to], cc: [], bcc: [] },
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
      })
    )
    return { ok: true, message_id: result.messageId }
  })
}

export type TestMailAccount = SenderAccount & { name: string; sender_name?: string | null; sender_email: string }

/**
 * The "test and save" mail for settings not stored yet, to `to` or else the sender address.
 * Secrets are opened inside the check, so an unreadable one is a failed check too.
 */
export async function sendTestMail(
  account: TestMailAccount,
  openSecrets: () => SmtpSecrets,
  opts: { lang: "de" | "en"; to?: string | null }
): Promise<ConnectionCheck> {
  const content = buildTestMail(opts.lang, account)
  return asConnectionCheck(() =>
    sendDirect(account, openSecrets(), {
      from: { name: account.sender_name, address: account.sender_email },
      to: opts.to || account.sender_email,
      ...content,
      messageId: buildMessageId(generateEntityId(undefined, "mtest"), account.sender_email),
    })
  )
}

/** A check whose settings fail before any connection (an unreadable secret …) reads as a failed check. */
export async function asConnectionCheck(run: () => Promise<ConnectionCheck>): Promise<ConnectionCheck> {
  try {
    return await run()
  } catch (err) {
    if (!isMailerError(err)) throw err
    return { ok: false, error: err }
  }
}

/**
 * One unpooled connection for a check. Settings that cannot even build a sender (a forbidden
 * host, a login in plain text, a missing password) are a failed check like any other, so the
 * caller records them on the account. Errors arrive classified and redacted (transport contract).
 */
async function check(
  account: SenderAccount,
  secrets: SmtpSecrets,
  run: (sender: MailSender) => Promise<ConnectionCheck>
): Promise<ConnectionCheck> {
  let sender: MailSender | null = null
  try {
    sender = createSender(account, secrets, { pool: false, ...VERIFY_TIMEOUTS })
    return await run(sender)
  } catch (err) {
    if (!sender && !isMailerError(err)) throw err
    const error = sender ? sender.classify(err) : (err as MailerError)
    return { ok: false, error: sender?.explainCheck?.(error) ?? error }
  } finally {
    sender?.close()
  }
}
