import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { describeError, type MailerLanguage } from "../../../../../modules/mailer/core/errors"
import { requestLanguage, parseWith, route } from "../../lib/http-errors"
import { mailerOf } from "../../lib/mailer"
import { toFilters } from "../route"
import { csvDocument, type CsvValue } from "./csv"
import { ExportMessagesQuery } from "./validators"

/** More rows would make a file no spreadsheet opens comfortably; narrow the filters instead. */
export const EXPORT_ROW_LIMIT = 10_000

const COLUMNS = [
  "created_at",
  "status",
  "event_name",
  "to",
  "cc",
  "bcc",
  "subject",
  "account_id",
  "attempts",
  "sent_at",
  "error_code",
  "error_message",
  "error_detail",
  "test_mode",
  "resource_id",
  "message_id",
] as const

// The mail bodies never leave in an export: they can carry personal data and one-time links.
const SELECT = [...COLUMNS.filter((c) => c !== "error_detail" && c !== "error_message"), "id", "error_message"]

/**
 * GET /admin/mailer/messages/export: the filtered log (same filters as
 * GET /messages, no pagination) as a CSV download, newest first, at most
 * EXPORT_ROW_LIMIT rows. The headers say how many rows matched.
 */
export const GET = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { language, ...query } = parseWith(ExportMessagesQuery, req.query)
  const lang = language ?? requestLanguage(req)
  const [messages, count] = await mailerOf(req).listAndCountMailerMessages(
    toFilters({ ...query, limit: EXPORT_ROW_LIMIT, offset: 0 }),
    { select: SELECT, take: EXPORT_ROW_LIMIT, order: { created_at: "DESC", id: "DESC" } }
  )
  const body = csvDocument([...COLUMNS], messages.map((m) => exportRow(m, lang)))
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="mailer-log-${new Date().toISOString().slice(0, 10)}.csv"`)
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("X-Mailer-Export-Rows", String(messages.length))
  res.setHeader("X-Mailer-Export-Total", String(count))
  res.status(200).send(body)
})

function exportRow(message: Record<string, any>, lang: MailerLanguage): CsvValue[] {
  const described = message.error_code ? describeError(message.error_code, lang) : null
  const values: Record<(typeof COLUMNS)[number], CsvValue> = {
    created_at: asDate(message.created_at),
    status: message.status,
    event_name: message.event_name,
    to: addresses(message.to),
    cc: addresses(message.cc),
    bcc: addresses(message.bcc),
    subject: message.subject,
    account_id: message.account_id,
    attempts: message.attempts,
    sent_at: asDate(message.sent_at),
    error_code: message.error_code,
    error_message: described?.message ?? null,
    error_detail: message.error_message,
    test_mode: message.test_mode,
    resource_id: message.resource_id,
    message_id: message.message_id,
  }
  return COLUMNS.map((column) => values[column])
}

/** `to` is a string in older rows and a list in newer ones; cc and bcc are lists. */
function addresses(value: unknown): string | null {
  if (Array.isArray(value)) return value.length ? value.join(", ") : null
  return typeof value === "string" && value ? value : null
}

function asDate(value: unknown): Date | null {
  if (!value) return null
  const date = value instanceof Date ? value : new Date(String(value))
  return Number.isNaN(date.getTime()) ? null : date
}
