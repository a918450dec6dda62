import nodemailer from "nodemailer"
import { classifySmtpError, explainConnectionCheck } from "../../core/classify-smtp-error"
import { MailerError } from "../../core/errors"
import type { SecretMaterial } from "../../core/redact"
import type { OutgoingMail } from "../../core/smtp/build-mail"
import { toTransportOptions, type SmtpAccountSettings, type SmtpSecrets } from "../../core/smtp/transport-options"
import { guardedSocket } from "../guarded-socket"
import type { MailSender, SendResult, SenderAccount, SenderOptions } from "./contract"

interface NodemailerInfo {
  messageId: string
  accepted: (string | { address: string })[]
  rejected: (string | { address: string })[]
}

interface NodemailerTransport {
  sendMail(mail: object): Promise<NodemailerInfo>
  verify(): Promise<true>
  close(): void
}

/**
 * The SMTP implementation of the transport contract, on nodemailer. Connections go through
 * guardedSocket (no forbidden addresses), and every error leaves it as a MailerError with the
 * account's own secrets removed, so no caller can store, log or return a password a server
 * echoed. Settings that cannot build a transport (a forbidden host, a login in plain text)
 * throw here, already classified.
 */
export function createSmtpSender(stored: SenderAccount, secrets: SmtpSecrets, opts: SenderOptions): MailSender {
  const account = smtpSettingsOf(stored)
  const material: SecretMaterial = { username: account.username, password: secrets.password, dkimPrivateKey: secrets.dkimPrivateKey }
  const classify = (err: unknown): MailerError => classifySmtpError(err, { secrets: material })
  let transport: NodemailerTransport
  try {
    const options = toTransportOptions(account, secrets, opts)
    transport = nodemailer.createTransport({ ...options, getSocket: guardedSocket } as any) as unknown as NodemailerTransport
  } catch (err) {
    throw classify(err)
  }
  const rethrow = (err: unknown): never => {
    throw classify(err)
  }
  return {
    send: (mail: OutgoingMail) => transport.sendMail(mail).then(toSendResult, rethrow),
    verify: () => transport.verify().then(() => undefined, rethrow),
    close: () => transport.close(),
    classify,
    explainCheck: (error) => explainConnectionCheck(error, account.security),
  }
}

/** Host and port are nullable columns (other transports have none); SMTP cannot do without them. */
function smtpSettingsOf(account: SenderAccount): SmtpAccountSettings {
  const { host, port } = account
  if (!host || !port) {
    throw new MailerError("SMTP_CONNECTION", "The account has no SMTP server: an SMTP account needs a host and a port.")
  }
  return { ...account, host, port }
}

function toSendResult(info: NodemailerInfo): SendResult {
  return { messageId: info.messageId, accepted: info.accepted.map(addressOf), rejected: info.rejected.map(addressOf) }
}

function addressOf(entry: string | { address: string }): string {
  return typeof entry === "string" ? entry : entry.address
}
