import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestLanguage, route } from "../../../lib/http-errors"
import { mailerOf } from "../../../lib/mailer"
import { presentAccount } from "../../../lib/present"
import { retrieveAccount } from "../../account-requests"

/**
 * DELETE /admin/mailer/accounts/:id/oauth: disconnects (drops refresh and access token; the app
 * registration stays). The account sends again after the next sign-in. The provider keeps its
 * consent: revoke it there to end it for good.
 */
export const DELETE = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const mailer = mailerOf(req)
  const account = await retrieveAccount(mailer, req.params.id)
  await mailer.disconnectOAuth(account.id)
  res.json({ account: presentAccount(await mailer.retrieveMailerAccount(account.id), requestLanguage(req)) })
})
