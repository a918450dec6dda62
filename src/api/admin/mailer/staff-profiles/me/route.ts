import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { route } from "../../lib/http-errors"
import { actorOf } from "../../lib/mailer"
import { sendProfile, upsertProfile } from "../profile-handlers"

/** GET /admin/mailer/staff-profiles/me: the logged-in admin's profile. */
export const GET = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => sendProfile(req, res, actorOf(req)))

/** POST /admin/mailer/staff-profiles/me: creates or updates the logged-in admin's profile. */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => upsertProfile(req, res, actorOf(req)))
