import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isMailerError } from "../../../../../modules/mailer/core/errors"
import { mailerOf } from "../../lib/mailer"
import { accountsPageUrl } from "../oauth-urls"

const first = (value: unknown): string => (Array.isArray(value) ? String(value[0] ?? "") : typeof value === "string" ? value : "")

/**
 * GET /admin/mailer/oauth/callback?code=…&state=… (or ?error=…&state=…): where the provider sends
 * the browser back. Medusa authenticates it like every /admin route: the admin's session cookie
 * comes along because this is a top-level GET navigation (Medusa's cookie is SameSite=Lax in
 * production, which allows exactly that), and the state must have been started by the same
 * admin user. Always answers with a 303 to the accounts page:
 * `?edit=<id>&oauth=connected`, or `?edit=<id>&oauth=error&code=<CODE>` (no `edit` when the
 * state is unknown, so no account can be named).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const mailer = mailerOf(req)
  const state = first(req.query.state)
  const code = first(req.query.code)
  const providerError = first(req.query.error)
  try {
    const done = await mailer.completeOAuth({
      state,
      code,
      providerError: providerError ? `${providerError}: ${first(req.query.error_description)}`.slice(0, 300) : undefined,
      userId: req.auth_context?.actor_id ?? "",
    })
    res.redirect(303, accountsPageUrl(req, { edit: done.accountId, oauth: "connected" }))
  } catch (err) {
    const errorCode = isMailerError(err) ? err.code : "OAUTH_PROVIDER_ERROR"
    const accountId = (err as { accountId?: string })?.accountId
    const logger = req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    // the code and the provider's message only; never the query (it holds the code)
    logger.warn(`medusa-plugin-mailer: OAuth2 sign-in${accountId ? ` for account ${accountId}` : ""} failed: ${errorCode} (${(err as Error)?.message})`)
    if (!isMailerError(err)) logger.error(err as Error)
    res.redirect(303, accountsPageUrl(req, { ...(accountId ? { edit: accountId } : {}), oauth: "error", code: errorCode }))
  }
}
