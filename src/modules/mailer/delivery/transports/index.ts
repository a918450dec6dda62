import { MailerError } from "../../core/errors"
import type { SmtpAccountSettings, SmtpSecrets } from "../../core/smtp/transport-options"
import type { MailSender, SenderOptions } from "./contract"
import { createSmtpSender } from "./smtp"

export type { MailSender, SendResult, SenderOptions, SenderTimeouts } from "./contract"

/** The account as the factory reads it; `transport` names the implementation (default SMTP). */
export type SenderAccount = SmtpAccountSettings & { transport?: string | null }

type SenderFactory = (account: SenderAccount, secrets: SmtpSecrets, opts: SenderOptions) => MailSender

/**
 * Every transport by name. A second one (an HTTP e-mail API, OAuth2 SMTP) is one more file in
 * this folder and one entry here; deliver.ts and verify.ts only see the contract.
 */
const SENDERS: Record<string, SenderFactory> = {
  smtp: createSmtpSender,
}

/** The one place a sender is made from an account: delivery, verify and "test and save". */
export function createSender(account: SenderAccount, secrets: SmtpSecrets, opts: SenderOptions): MailSender {
  const name = account.transport ?? "smtp"
  const factory = SENDERS[name]
  if (!factory) throw new MailerError("UNKNOWN", `No transport named "${name}" is installed.`)
  return factory(account, secrets, opts)
}
