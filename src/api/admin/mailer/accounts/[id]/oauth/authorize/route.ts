import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { isMailerError } from "../../../../../../../modules/mailer/core/errors"
import { ApiError, parseWith, route } from "../../../../lib/http-errors"
import { mailerOf } from "../../../../lib/mailer"
import { EmptyBody } from "../../../../lib/schemas"
import { oauthRedirectUrl } from "../../../../oauth/oauth-urls"
import { retrieveAccount } from "../../../account-requests"

/**
 * POST /admin/mailer/accounts/:id/oauth/authorize `{}` → `{ authorize_url }`: starts the sign-in
 * (authorization code with PKCE; the state is single-use, bound to this admin user and the
 * account, valid 10 minutes). The admin navigates the browser to the URL. 409
 * OAUTH_NOT_CONFIGURED while client id or secret are missing.
 */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  parseWith(EmptyBody, req.body ?? {})
  const mailer = mailerOf(req)
  const account = await retrieveAccount(mailer, req.params.id)
  const userId = req.auth_context?.actor_id
  if (!userId) throw new ApiError("OAUTH_STATE_INVALID", { status: 401, detail: "no signed-in admin user" })
  try {
    const authorize_url = await mailer.startOAuth(account.id, userId, oauthRedirectUrl(req))
    res.json({ authorize_url })
  } catch (err) {
    if (isMailerError(err) && err.code === "OAUTH_NOT_CONFIGURED") throw new ApiError("OAUTH_NOT_CONFIGURED", { detail: err.message })
    throw err
  }
})
