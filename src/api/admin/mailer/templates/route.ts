import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseWith, route } from "../lib/http-errors"
import { mailerOf } from "../lib/mailer"
import {
  assertKnownEvent,
  assertNoDuplicate,
  assertReferences,
  assertValidTemplate,
  listTemplates,
  presentTemplate,
} from "./template-requests"
import { CreateTemplateBody, ListTemplatesQuery } from "./validators"

/**
 * GET /admin/mailer/templates[?event_name&locale]: the merchant's templates and
 * the shipped defaults still in effect (`is_default: true`, `id: null`,
 * addressed by `default_id`).
 */
export const GET = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const filters = parseWith(ListTemplatesQuery, req.query)
  const templates = await listTemplates(mailerOf(req), filters)
  res.json({ templates, count: templates.length, offset: 0, limit: templates.length })
})

/** POST /admin/mailer/templates: a template for an event and language (optionally one sales channel). */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const body = parseWith(CreateTemplateBody, req.body)
  assertKnownEvent(body.event_name)
  const warnings = assertValidTemplate(body.event_name, body)
  const mailer = mailerOf(req)
  await assertReferences(req, mailer, body)
  const key = { event_name: body.event_name, locale: body.locale, sales_channel_id: body.sales_channel_id ?? null }
  await assertNoDuplicate(mailer, key)
  const created = await mailer.createMailerTemplates({
    ...key,
    account_id: body.account_id ?? null,
    subject: body.subject,
    body_html: body.body_html,
    body_text: body.body_text ?? null,
    ...(body.is_active !== undefined ? { is_active: body.is_active } : {}),
  })
  res.json({ template: presentTemplate(created), warnings })
})
