import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { raw } from "@medusajs/framework/mikro-orm/core"
import { requestLanguage, parseWith, route } from "../lib/http-errors"
import { mailerOf } from "../lib/mailer"
import { countMessagesUpTo } from "../lib/message-count"
import { MESSAGE_LIST_FIELDS, presentMessage } from "../lib/present"
import { ListMessagesQuery, type ListMessagesInput } from "./validators"

/**
 * GET /admin/mailer/messages: the mail log, newest first, with filters and
 * pagination. HTML and text are left out; GET /messages/:id has them. `count`
 * stops at 10,000 (lib/message-count.ts); `count_exact` says whether it did.
 */
export const GET = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = parseWith(ListMessagesQuery, req.query)
  // Both bounded: one page read in order from an index, a count that stops at
  // MESSAGE_COUNT_LIMIT (`count_exact: false` beyond it).
  const [messages, counted] = await Promise.all([
    mailerOf(req).listMailerMessages(toFilters(query), {
      select: MESSAGE_LIST_FIELDS,
      skip: query.offset,
      take: query.limit,
      order: { created_at: "DESC", id: "DESC" },
    }),
    countMessagesUpTo(req, query),
  ])
  const lang = requestLanguage(req)
  res.json({
    messages: messages.map((m) => presentMessage(m, lang)),
    count: counted.count,
    count_exact: counted.exact,
    offset: query.offset,
    limit: query.limit,
  })
})

/** The list's filters as a module filter; the CSV export (export/route.ts) uses the same. */
export function toFilters(query: ListMessagesInput): Record<string, unknown> {
  const filters: Record<string, unknown> = {}
  if (query.status) filters.status = query.status
  if (query.event_name) filters.event_name = query.event_name
  if (query.resource_id) filters.resource_id = query.resource_id
  if (query.account_id) filters.account_id = query.account_id
  if (query.created_after || query.created_before) {
    filters.created_at = {
      ...(query.created_after ? { $gte: query.created_after } : {}),
      ...(query.created_before ? { $lte: query.created_before } : {}),
    }
  }
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    // `to` is a jsonb array: searched as its text, since jsonb has no ILIKE
    filters.$or = [{ [raw('"to"::text')]: { $ilike: pattern } }, { subject: { $ilike: pattern } }]
  }
  return filters
}
