import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { describeError, isMailerError } from "../../../../../../modules/mailer/core/errors"
import type { ConnectionCheck } from "../../../../../../modules/mailer/delivery/verify"
import { languageOf, parseWith, route } from "../../../lib/http-errors"
import { mailerOf } from "../../../lib/mailer"
import { presentAccount } from "../../../lib/present"
import { EmptyBody } from "../../../lib/schemas"
import { logConnectionFailure, retrieveAccount } from "../../helpers"

/**
 * POST /admin/mailer/accounts/:id/verify: connects and authenticates with the
 * stored settings (short timeouts) and records the outcome on the account.
 * Answers 200 either way: `{ ok: true }` or `{ ok: false, code, message, hint }`.
 */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const mailer = mailerOf(req)
  const stored = await retrieveAccount(mailer, req.params.id)
  parseWith(EmptyBody, req.body)
  const lang = languageOf(req)
  let check: ConnectionCheck
  try {
    check = await mailer.verifyAccount(stored.id)
  } catch (err) {
    // Settings that cannot even build a transport (no password, unreadable DKIM key…)
    if (!isMailerError(err)) throw err
    check = { ok: false, error: err }
  }
  const account = presentAccount(await mailer.retrieveMailerAccount(stored.id), lang)
  if (check.ok) {
    res.json({ ok: true, account })
    return
  }
  logConnectionFailure(req, "verification", stored.id, check.error)
  const described = describeError(check.error.code, lang)
  res.json({
    ok: false,
    code: check.error.code,
    message: described.message,
    hint: described.hint,
    detail: check.error.message,
    account,
  })
})
