import type { MailerMessage } from "./types"

/**
 * How the log and the order widget write a message's recipients and dates. `to` is a string in
 * older rows and a list in newer ones (the API changed while rows stay); both read the same.
 */
export function recipientList(to: MailerMessage["to"] | undefined): string[] {
  if (Array.isArray(to)) return to.filter(Boolean)
  return typeof to === "string" && to ? [to] : []
}

export function formatRecipients(to: MailerMessage["to"] | undefined): string {
  return recipientList(to).join(", ")
}

export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return "–"
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return "–"
  return new Intl.DateTimeFormat(language === "de" ? "de-DE" : "en-GB", { dateStyle: "medium", timeStyle: "short" }).format(date)
}

/** Mails with a one-time link (password reset, invitation): the API refuses to resend them. */
export function carriesOneTimeLink(eventName: string): boolean {
  return eventName.startsWith("auth.password_reset") || eventName === "invite.created"
}

/** Known skip reasons in the merchant's words (log.skipReasons); anything else as the server wrote it. */
export function skipReasonText(t: (key: string, options?: Record<string, unknown>) => string, reason: string): string {
  const key = `log.skipReasons.${reason}`
  const text = t(key, { defaultValue: "" })
  return text && text !== key ? text : reason
}
