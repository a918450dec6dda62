import nodemailer from "nodemailer"
import { classifySmtpError, explainConnectionCheck } from "../../core/classify-smtp-error"
import type { MailerError } from "../../core/errors"
import type { SecretMaterial } from "../../core/redact"
import type { OutgoingMail } from "../../core/smtp/build-mail"
import { toTransportOptions, type SmtpAccountSettings, type SmtpSecrets } from "../../core/smtp/transport-options"
import { guardedSocket } from "../guarded-socket"
import type { MailSender, SendResult, SenderOptions } from "./contract"

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
export function createSmtpSender(account: SmtpAccountSettings, secrets: SmtpSecrets, opts: SenderOptions): MailSender {
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

function toSendResult(info: NodemailerInfo): SendResult {
  return { messageId: info.messageId, accepted: info.accepted.map(addressOf), rejected: info.rejected.map(addressOf) }
}

function addressOf(entry: string | { address: string }): string {
  return typeof entry === "string" ? entry : entry.address
}
