import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ApiError, requestLanguage, parseWith, route } from "../../lib/http-errors"
import { sentTodayOf } from "../../lib/account-usage"
import { mailerOf } from "../../lib/mailer"
import { presentAccount } from "../../lib/present"
import {
  assertPasswordForConnectionChange,
  assertSalesChannels,
  assertUsername,
  retrieveAccount,
  testBeforeSave,
  toServiceInput,
} from "../account-requests"
import { DeleteAccountBody, UpdateAccountBody } from "../validators"
import { oauthServiceInput } from "../oauth-input"

/** GET /admin/mailer/accounts/:id */
export const GET = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const account = await retrieveAccount(mailerOf(req), req.params.id)
  res.json({ account: presentAccount(account, requestLanguage(req), await sentTodayOf(req, [account])) })
})

/**
 * POST /admin/mailer/accounts/:id: partial update. A password left out (or "")
 * keeps the stored one, null clears it; a change of host, port, security or
 * user name needs the password again. `verify: true` tests the merged
 * settings first and stores nothing when the test fails.
 */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const mailer = mailerOf(req)
  const stored = await retrieveAccount(mailer, req.params.id)
  const body = parseWith(UpdateAccountBody, req.body)
  const lang = requestLanguage(req)
  const input = oauthServiceInput(toServiceInput(body), stored)
  assertUsername({ ...stored, ...input })
  assertPasswordForConnectionChange(stored, input)
  await assertSalesChannels(req, body.sales_channel_ids)
  const test = body.verify
    ? await testBeforeSave(req, input, { existingId: stored.id, to: body.test_to, lang })
    : null
  await mailer.updateAccount(stored.id, input)
  if (test) await mailer.markAccountVerified(stored.id)
  const account = await mailer.retrieveMailerAccount(stored.id)
  const to = body.test_to || account.sender_email
  res.json({ account: presentAccount(account, lang, await sentTodayOf(req, [account])), ...(test ? { test: { ok: true, to } } : {}) })
})

/**
 * DELETE /admin/mailer/accounts/:id with `{ confirm: "<sender address>" }`
 * (body or query): the merchant types the address to confirm.
 */
export const DELETE = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const mailer = mailerOf(req)
  const account = await retrieveAccount(mailer, req.params.id)
  const given = req.body && Object.keys(req.body as object).length ? req.body : pickConfirm(req.query)
  const { confirm } = parseWith(DeleteAccountBody, given)
  if (confirm.toLowerCase() !== String(account.sender_email).trim().toLowerCase()) {
    throw new ApiError("CONFIRMATION_MISMATCH", { params: { expected: account.sender_email } })
  }
  await mailer.softDeleteMailerAccounts([account.id])
  res.json({ id: account.id, object: "mailer_account", deleted: true })
})

function pickConfirm(query: Record<string, unknown>) {
  return query.confirm === undefined ? {} : { confirm: query.confirm }
}
