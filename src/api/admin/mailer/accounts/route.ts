import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { requestLanguage, parseWith, route } from "../lib/http-errors"
import { sentTodayOf } from "../lib/account-usage"
import { mailerOf } from "../lib/mailer"
import { presentAccount } from "../lib/present"
import { assertSalesChannels, testBeforeSave, toServiceInput } from "./account-requests"
import { CreateAccountBody } from "./validators"
import { oauthServiceInput } from "./oauth-input"

const ListAccountsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

/** GET /admin/mailer/accounts: every account, the default first. */
export const GET = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset } = parseWith(ListAccountsQuery, req.query)
  const [accounts, count] = await mailerOf(req).listAndCountMailerAccounts(
    {},
    { skip: offset, take: limit, order: { is_default: "DESC", created_at: "ASC" } }
  )
  const lang = requestLanguage(req)
  const sentToday = await sentTodayOf(req, accounts)
  res.json({ accounts: accounts.map((a) => presentAccount(a, lang, sentToday)), count, offset, limit })
})

/**
 * POST /admin/mailer/accounts: creates an account. With `verify: true` it first
 * connects, authenticates and sends a test mail; if that fails nothing is stored.
 */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const body = parseWith(CreateAccountBody, req.body)
  const lang = requestLanguage(req)
  const mailer = mailerOf(req)
  const input = oauthServiceInput(toServiceInput(body), null)
  await assertSalesChannels(req, body.sales_channel_ids)
  const test = body.verify ? await testBeforeSave(req, input, { to: body.test_to, lang }) : null
  const created = await mailer.createAccount(input)
  if (test) await mailer.markAccountVerified(created.id)
  const account = await mailer.retrieveMailerAccount(created.id)
  const sentToday = await sentTodayOf(req, [account])
  res.json({ account: presentAccount(account, lang, sentToday), ...(test ? { test: { ok: true, to: body.test_to || body.sender_email } } : {}) })
})
