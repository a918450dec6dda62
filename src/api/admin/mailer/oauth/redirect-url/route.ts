import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { route } from "../../lib/http-errors"
import { oauthRedirectUrl } from "../oauth-urls"

/** GET /admin/mailer/oauth/redirect-url → `{ redirect_url }`: what to register with the provider. */
export const GET = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ redirect_url: oauthRedirectUrl(req) })
})
