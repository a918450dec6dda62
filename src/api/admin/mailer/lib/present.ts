import { describeError, type MailerLanguage } from "../../../../modules/mailer/core/errors"
import { securityWarnings, type SmtpSecurity } from "../../../../modules/mailer/core/smtp/transport-options"
import { toPublicAccount, type AccountRecord } from "../../../../modules/mailer/lib/account-fields"

/**
 * How records leave the API. Accounts go through toPublicAccount (secrets
 * become has_* flags) plus localized security warnings; messages carry their
 * error with the error table's text and hint in the request's language.
 */
export function presentAccount(account: Record<string, any>, lang: MailerLanguage) {
  const publicAccount = toPublicAccount(account as AccountRecord)
  const channels = (account.sales_channel_ids as { ids?: string[] } | null)?.ids ?? []
  return {
    ...publicAccount,
    sales_channel_ids: channels,
    warnings: accountWarnings(account, lang),
  }
}

export function accountWarnings(account: { host?: string; port?: number; security?: string }, lang: MailerLanguage) {
  if (typeof account.host !== "string" || typeof account.port !== "number") return []
  return securityWarnings({ host: account.host, port: account.port, security: account.security as SmtpSecurity }).map(
    (w) => ({ code: w.code, message: lang === "de" ? w.message_de : w.message_en })
  )
}

/** Columns of the log list; the mail's HTML and text only come with GET /messages/:id. */
export const MESSAGE_LIST_FIELDS = [
  "id",
  "idempotency_key",
  "status",
  "event_name",
  "template_id",
  "account_id",
  "locale",
  "resource_type",
  "resource_id",
  "to",
  "cc",
  "bcc",
  "reply_to",
  "from",
  "envelope",
  "test_mode",
  "subject",
  "message_id",
  "accepted",
  "rejected",
  "attempts",
  "next_attempt_at",
  "error_code",
  "error_message",
  "error_hint",
  "smtp_response_code",
  "skip_reason",
  "sent_at",
  "resent_from_id",
  "triggered_by",
  "staff_user_id",
  "created_at",
  "updated_at",
]

export function presentMessage(message: Record<string, any>, lang: MailerLanguage) {
  const { lease_until: _lease, deleted_at: _deleted, ...rest } = message
  return { ...rest, error: messageError(message, lang) }
}

function messageError(message: Record<string, any>, lang: MailerLanguage) {
  if (!message.error_code) return null
  const described = describeError(message.error_code, lang)
  return {
    code: message.error_code,
    message: described.message,
    hint: described.hint,
    detail: message.error_message ?? null,
  }
}
