import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendTemplateTestEmailWorkflow } from "../../../../../../workflows/send-template-test-email"
import { requestLanguage, parseWith, route } from "../../../lib/http-errors"
import { actorOf, mailerOf, newNonce } from "../../../lib/mailer"
import { presentMessage } from "../../../lib/present"
import { retrieveTemplate, shippedById } from "../../template-requests"
import { assertOrderContext, withOrder404 } from "../../order-context"
import { TemplateTestBody } from "../../validators"

/**
 * POST /admin/mailer/templates/:id/test-email `{ to?, order_id? }`: the template
 * (stored, or `default:<event>:<locale>`) rendered for a real order or the
 * sample data and sent through the outbox to `to`, else to the sender address
 * of the account it goes out from. Answers the logged message.
 */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const mailer = mailerOf(req)
  const template = shippedById(req.params.id) ?? (await retrieveTemplate(mailer, req.params.id))
  const body = parseWith(TemplateTestBody, req.body)
  assertOrderContext(template.event_name, body.order_id)
  const key = template.id ?? template.default_id
  const { result } = await withOrder404(body.order_id, () =>
    sendTemplateTestEmailWorkflow(req.scope).run({
      input: {
        event_name: template.event_name,
        order_id: body.order_id ?? null,
        user_id: actorOf(req),
        to: body.to ?? null,
        nonce: newNonce(),
        template_key: key,
        template: {
          id: template.id ?? null,
          locale: template.locale,
          account_id: template.account_id ?? null,
          subject: template.subject,
          body_html: template.body_html,
          body_text: template.body_text ?? null,
        },
      },
    })
  )
  const message = await mailer.retrieveMailerMessage(result.message_id)
  res.json({ message: presentMessage(message, requestLanguage(req)) })
})
