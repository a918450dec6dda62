import nodemailer from "nodemailer"
import { classifySmtpError, explainConnectionCheck } from "../../core/classify-smtp-error"
import { isMailerError, MailerError } from "../../core/errors"
import type { SecretMaterial } from "../../core/redact"
import type { OutgoingMail } from "../../core/smtp/build-mail"
import {
  toTransportOptions,
  type OAuth2TokenSource,
  type SmtpAccountSettings,
  type SmtpSecrets,
} from "../../core/smtp/transport-options"
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
export function createSmtpSender(stored: SenderAccount, given: SmtpSecrets, opts: SenderOptions): MailSender {
  const account = smtpSettingsOf(stored)
  const oauth = oauthTracking(given)
  const secrets = oauth ? { ...given, oauth2: oauth.source } : given
  const material: SecretMaterial = {
    username: oauth ? oauth.source.user : account.username,
    password: secrets.password,
    dkimPrivateKey: secrets.dkimPrivateKey,
    tokens: oauth?.seen,
  }
  // A token the source could not get travels through nodemailer as `mailerError` (transport-options.ts)
  const classify = (err: unknown): MailerError => {
    const carried = (err as { mailerError?: unknown } | null)?.mailerError
    return classifySmtpError(isMailerError(carried) ? carried : err, { secrets: material })
  }
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
  const sendMail = (mail: OutgoingMail) => transport.sendMail(mail).then(toSendResult)
  return {
    send: (mail: OutgoingMail) => (oauth ? sendWithRenewal(sendMail, mail, oauth) : sendMail(mail)).catch(rethrow),
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

interface OAuthTracking {
  source: OAuth2TokenSource
  /** Every token handed to nodemailer, so a server's echo of one is redacted. */
  seen: string[]
  /** Set after a refusal the library did not renew itself: the next login asks for a new token. */
  renewNext: boolean
}

function oauthTracking(secrets: SmtpSecrets): OAuthTracking | null {
  const inner = secrets.oauth2
  if (!inner) return null
  const tracking: OAuthTracking = {
    seen: [],
    renewNext: false,
    source: {
      user: inner.user,
      token: async (renew) => {
        const forced = tracking.renewNext
        tracking.renewNext = false
        const token = await inner.token(renew || forced)
        if (!tracking.seen.includes(token.accessToken)) tracking.seen.push(token.accessToken)
        return token
      },
    },
  }
  return tracking
}

/**
 * A server that answers a refused XOAUTH2 token with a plain 535 (Microsoft does; Gmail sends the
 * 334 challenge nodemailer renews on by itself) gets one more try with a freshly refreshed token:
 * a token can be revoked or cut short before its stated expiry. A second refusal is final.
 */
async function sendWithRenewal(sendMail: (mail: OutgoingMail) => Promise<SendResult>, mail: OutgoingMail, oauth: OAuthTracking) {
  try {
    return await sendMail(mail)
  } catch (err) {
    const e = err as { code?: string; responseCode?: number; mailerError?: unknown }
    if (e?.code !== "EAUTH" || e.mailerError || e.responseCode !== 535) throw err
    oauth.renewNext = true
    return sendMail(mail)
  }
}

function toSendResult(info: NodemailerInfo): SendResult {
  return { messageId: info.messageId, accepted: info.accepted.map(addressOf), rejected: info.rejected.map(addressOf) }
}

function addressOf(entry: string | { address: string }): string {
  return typeof entry === "string" ? entry : entry.address
}
