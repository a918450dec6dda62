import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ApiError, parseWith, route } from "../../lib/http-errors"
import { definedOnly, mailerOf } from "../../lib/mailer"
import {
  assertKnownEvent,
  assertNoDuplicate,
  assertReferences,
  assertValidTemplate,
  presentTemplate,
  retrieveTemplate,
  shippedById,
} from "../template-requests"
import { UpdateTemplateBody } from "../validators"

/** GET /admin/mailer/templates/:id (also `default:<event>:<locale>` for a shipped default). */
export const GET = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const shipped = shippedById(req.params.id)
  if (shipped) {
    res.json({ template: shipped })
    return
  }
  const template = await retrieveTemplate(mailerOf(req), req.params.id)
  res.json({ template: presentTemplate(template) })
})

/** POST /admin/mailer/templates/:id: partial update, validated as a whole. */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  assertStored(req.params.id)
  const mailer = mailerOf(req)
  const stored = await retrieveTemplate(mailer, req.params.id)
  const body = definedOnly(parseWith(UpdateTemplateBody, req.body))
  const merged = { ...stored, ...body } as Record<string, any>
  assertKnownEvent(merged.event_name)
  const warnings = assertValidTemplate(merged.event_name, merged as any)
  await assertReferences(req, mailer, body)
  const key = { event_name: merged.event_name, locale: merged.locale, sales_channel_id: merged.sales_channel_id ?? null }
  await assertNoDuplicate(mailer, key, stored.id)
  const updated = await mailer.updateMailerTemplates({ id: stored.id, ...body })
  res.json({ template: presentTemplate(updated), warnings })
})

/** DELETE /admin/mailer/templates/:id: "reset to default"; the shipped default applies again. */
export const DELETE = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  assertStored(req.params.id)
  const mailer = mailerOf(req)
  const stored = await retrieveTemplate(mailer, req.params.id)
  await mailer.deleteMailerTemplates([stored.id])
  res.json({ id: stored.id, object: "mailer_template", deleted: true })
})

function assertStored(id: string) {
  if (shippedById(id)) throw new ApiError("DEFAULT_TEMPLATE_READ_ONLY")
}
