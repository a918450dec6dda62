import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewTemplateWorkflow } from "../../../../../workflows/preview-template"
import { ApiError, parseWith, route, templateErrors } from "../../lib/http-errors"
import { actorOf, mailerOf } from "../../lib/mailer"
import { assertKnownEvent, assertReferences, assertValidTemplate } from "../template-requests"
import { assertOrderContext, withOrder404 } from "../order-context"
import { PreviewTemplateBody } from "../validators"

/**
 * POST /admin/mailer/templates/preview: renders an unsaved template for a real
 * order (`order_id`) or the event's sample data → `{ subject, html, text, warnings }`.
 */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const body = parseWith(PreviewTemplateBody, req.body)
  assertKnownEvent(body.event_name)
  assertValidTemplate(body.event_name, body)
  await assertReferences(req, mailerOf(req), body)
  assertOrderContext(body.event_name, body.order_id)
  const { result } = await withOrder404(body.order_id, () =>
    previewTemplateWorkflow(req.scope).run({
      input: {
        event_name: body.event_name,
        order_id: body.order_id ?? null,
        user_id: actorOf(req),
        template: {
          locale: body.locale ?? null,
          account_id: body.account_id ?? null,
          subject: body.subject,
          body_html: body.body_html,
          body_text: body.body_text ?? null,
        },
      },
    })
  )
  if (!result.ok) {
    throw new ApiError(result.code, { status: 400, errors: templateErrors(result.problems) })
  }
  res.json({ subject: result.subject, html: result.html, text: result.text, warnings: templateErrors(result.warnings) })
})
