import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestLanguage, route } from "../../lib/http-errors"
import { mailerOf, retrieveOr404 } from "../../lib/mailer"
import { presentMessage } from "../../lib/present"

/** GET /admin/mailer/messages/:id: one logged mail with its HTML and text. */
export const GET = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const mailer = mailerOf(req)
  const message = await retrieveOr404("message", req.params.id, () => mailer.retrieveMailerMessage(req.params.id))
  res.json({ message: presentMessage(message, requestLanguage(req)) })
})
