import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { describeError } from "../../../../../../modules/mailer/core/errors"
import { requestLanguage, parseWith, route } from "../../../lib/http-errors"
import { mailerOf } from "../../../lib/mailer"
import { presentAccount } from "../../../lib/present"
import { logConnectionFailure, retrieveAccount } from "../../account-requests"
import { VerifyAccountBody } from "../../validators"

/**
 * POST /admin/mailer/accounts/:id/verify `{ password?, dkim_private_key? }`:
 * connects and authenticates with the stored settings (short timeouts) and
 * records the outcome on the account. A password or DKIM key sent along is
 * used instead of the stored one and stored when the check passes.
 * Answers 200 either way: `{ ok: true }` or `{ ok: false, code, message, hint }`
 * with the hint of a verification (nothing is retried here).
 */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const mailer = mailerOf(req)
  const stored = await retrieveAccount(mailer, req.params.id)
  const given = parseWith(VerifyAccountBody, req.body ?? {})
  const lang = requestLanguage(req)
  // Errors come back from the transport layer with the account's secrets removed.
  const check = await mailer.verifyAccount(stored.id, given)
  const account = presentAccount(await mailer.retrieveMailerAccount(stored.id), lang)
  if (check.ok) {
    res.json({ ok: true, account })
    return
  }
  logConnectionFailure(req, "verification", stored.id, check.error)
  const described = describeError(check.error.code, lang, {}, "verify")
  res.json({
    ok: false,
    code: check.error.code,
    message: described.message,
    hint: described.hint,
    detail: check.error.message,
    account,
  })
})
