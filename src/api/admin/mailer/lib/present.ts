import { describeError, type MailerLanguage } from "../../../../modules/mailer/core/errors"
import { gaveUpHint, type GiveUpFacts } from "../../../../modules/mailer/core/give-up"
import { securityWarnings, type SmtpSecurity } from "../../../../modules/mailer/core/smtp/transport-options"
import { signatureVariablesWarning } from "../../../../modules/mailer/core/render"
import type { SignatureSource } from "../../../../modules/mailer/core/render/staff-variables"
import { toPublicAccount, type AccountRecord } from "../../../../modules/mailer/lib/account-fields"
import type { DnsTxtRecord } from "../../../../modules/mailer/core/dns/dkim-record"

/**
 * How records leave the API. Accounts go through toPublicAccount (secrets
 * become has_* flags) plus localized security warnings; messages carry their
 * error with the error table's text and hint in the request's language.
 */
export function presentAccount(account: Record<string, any>, lang: MailerLanguage, sentToday?: Map<string, number>) {
  const publicAccount = toPublicAccount(account as AccountRecord)
  const channels = (account.sales_channel_ids as { ids?: string[] } | null)?.ids ?? []
  return {
    ...publicAccount,
    sales_channel_ids: channels,
    // today's sends as the daily quota counts them (lib/account-usage.ts); null where not counted
    sent_today: sentToday ? sentToday.get(account.id) ?? 0 : null,
    warnings: accountWarnings(account, lang),
    dkim: presentDkim(account),
  }
}

/**
 * The account's DKIM setup. The private key never leaves: only whether one is stored and,
 * where the caller derived it (GET/POST /accounts/:id/dkim, the DNS check), the public record.
 */
export function presentDkim(account: Record<string, any>, publicRecord?: DnsTxtRecord | null) {
  return {
    domain: account.dkim_domain ?? null,
    selector: account.dkim_selector ?? null,
    has_private_key: Boolean(account.dkim_private_key),
    ...(publicRecord !== undefined ? { public_record: publicRecord } : {}),
  }
}

export function accountWarnings(
  account: { host?: string; port?: number; security?: string } & SignatureSource,
  lang: MailerLanguage
) {
  const security =
    typeof account.host !== "string" || typeof account.port !== "number"
      ? []
      : securityWarnings({ host: account.host, port: account.port, security: account.security as SmtpSecurity })
  const signature = signatureVariablesWarning(account)
  return [...security, ...(signature ? [signature] : [])].map((w) => ({
    code: w.code,
    message: lang === "de" ? w.message_de : w.message_en,
  }))
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
  "test_recipient",
  // only to say whether a link waits (has_one_time_link); presentMessage never returns it
  "one_time_link",
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

/**
 * A message as the API shows it. The sealed one-time link never leaves (only whether one waits
 * to be put in at send time); `to` is always a list, also for rows written before it was one.
 */
export function presentMessage(message: Record<string, any>, lang: MailerLanguage) {
  const { lease_until: _lease, deleted_at: _deleted, one_time_link, ...rest } = message
  return {
    ...rest,
    ...("to" in message ? { to: addressList(message.to) } : {}),
    has_one_time_link: Boolean(one_time_link),
    error: messageError(message, lang),
  }
}

function addressList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  return typeof value === "string" && value !== "" ? [value] : []
}

function messageError(message: Record<string, any>, lang: MailerLanguage) {
  if (!message.error_code) return null
  const described = describeError(message.error_code, lang)
  return {
    code: message.error_code,
    message: described.message,
    // A temporary error on a failed row: its retries ran out ("Gave up after 3 days and 41 attempts").
    hint: gaveUpHint(message as GiveUpFacts, lang) ?? described.hint,
    detail: message.error_message ?? null,
  }
}
