import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { parseWith } from "../lib/http-errors"
import { definedOnly, mailerOf, retrieveOr404 } from "../lib/mailer"
import { StaffProfileBody } from "./validators"

const EMPTY = { display_name: null, email: null, phone: null, mobile: null, fax: null, signature_html: null }

async function assertUser(req: AuthenticatedMedusaRequest, userId: string) {
  await retrieveOr404("user", userId, () => req.scope.resolve(Modules.USER).retrieveUser(userId))
}

/** The profile of a user; a user without one gets an empty profile (`id: null`). */
export async function sendProfile(req: AuthenticatedMedusaRequest, res: MedusaResponse, userId: string) {
  await assertUser(req, userId)
  const [profile] = await mailerOf(req).listMailerStaffProfiles({ user_id: userId })
  res.json({ staff_profile: profile ? present(profile) : { id: null, user_id: userId, ...EMPTY } })
}

/** Creates or updates the profile of a user; fields left out keep their value. */
export async function upsertProfile(req: AuthenticatedMedusaRequest, res: MedusaResponse, userId: string) {
  await assertUser(req, userId)
  const body = definedOnly(parseWith(StaffProfileBody, req.body))
  const mailer = mailerOf(req)
  const [existing] = await mailer.listMailerStaffProfiles({ user_id: userId })
  const profile = existing
    ? await mailer.updateMailerStaffProfiles({ id: existing.id, ...body })
    : await mailer.createMailerStaffProfiles({ user_id: userId, ...EMPTY, ...body })
  res.json({ staff_profile: present(profile) })
}

function present(profile: Record<string, any>) {
  const { deleted_at: _deleted, ...rest } = profile
  return rest
}
