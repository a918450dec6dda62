import { MailerError } from "../../core/errors"
import type { SmtpSecrets } from "../../core/smtp/transport-options"
import type { AccountTransport, MailSender, SenderAccount, SenderFactory, SenderOptions } from "./contract"
import { createSmtpSender } from "./smtp"

export { ACCOUNT_TRANSPORTS } from "./contract"
export type { AccountTransport, MailSender, SendResult, SenderAccount, SenderOptions, SenderTimeouts } from "./contract"

/**
 * Every transport by the name an account's `transport` column holds. A second one (an HTTP
 * e-mail API) is one more file in this folder, one value in ACCOUNT_TRANSPORTS (contract.ts,
 * also the model's enum, plus a migration of its check constraint) and one entry here;
 * deliver.ts and verify.ts only see the contract.
 */
const SENDERS: Record<AccountTransport, SenderFactory> = {
  smtp: createSmtpSender,
}

/** The one place a sender is made from an account: delivery, verify and "test and save". */
export function createSender(account: SenderAccount, secrets: SmtpSecrets, opts: SenderOptions): MailSender {
  const name = account.transport ?? "smtp"
  // own keys only: a name like "constructor" must not find Object.prototype's
  const factory = Object.prototype.hasOwnProperty.call(SENDERS, name) ? SENDERS[name as AccountTransport] : undefined
  if (!factory) throw new MailerError("UNKNOWN", `No transport named "${name}" is installed.`)
  return factory(account, secrets, opts)
}
