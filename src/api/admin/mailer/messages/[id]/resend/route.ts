import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resendMessageWorkflow } from "../../../../../../workflows/resend-message"
import { carriesSecretLink } from "../../../../../../modules/mailer/core/events/catalog"
import { ApiError, requestLanguage, parseWith, route } from "../../../lib/http-errors"
import { actorOf, mailerOf, newNonce, retrieveOr404 } from "../../../lib/mailer"
import { presentMessage } from "../../../lib/present"
import { ToBody } from "../../../lib/schemas"

/**
 * POST /admin/mailer/messages/:id/resend `{ to? }`: a new message (new
 * idempotency key, `resent_from_id`, `triggered_by` = the admin), delivered
 * at once. Answers the new message.
 */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const mailer = mailerOf(req)
  const original = await retrieveOr404("message", req.params.id, () => mailer.retrieveMailerMessage(req.params.id))
  const { to } = parseWith(ToBody, req.body)
  if (carriesSecretLink(original.event_name)) {
    throw new ApiError("RESEND_NOT_POSSIBLE")
  }
  const { result } = await resendMessageWorkflow(req.scope).run({
    input: { message_id: original.id, to: to ?? null, user_id: actorOf(req), nonce: newNonce() },
  })
  const message = await mailer.retrieveMailerMessage(result.message_id)
  res.json({ message: presentMessage(message, requestLanguage(req)) })
})
