import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendAccountTestEmailWorkflow } from "../../../../../../workflows/send-account-test-email"
import { requestLanguage, parseWith, route } from "../../../lib/http-errors"
import { actorOf, mailerOf, newNonce } from "../../../lib/mailer"
import { presentMessage } from "../../../lib/present"
import { ToBody } from "../../../lib/schemas"
import { retrieveAccount } from "../../account-requests"

/**
 * POST /admin/mailer/accounts/:id/test-email `{ to? }`: a test mail through the
 * outbox (logged; test-mode routing applies). Answers the logged message.
 */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const mailer = mailerOf(req)
  const account = await retrieveAccount(mailer, req.params.id)
  const { to } = parseWith(ToBody, req.body)
  const lang = requestLanguage(req)
  const { result } = await sendAccountTestEmailWorkflow(req.scope).run({
    input: { account_id: account.id, to: to ?? null, user_id: actorOf(req), nonce: newNonce(), lang },
  })
  const message = await mailer.retrieveMailerMessage(result.message_id)
  res.json({ message: presentMessage(message, lang) })
})
