import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { route } from "../../lib/http-errors"
import { sendProfile, upsertProfile } from "../profile-handlers"

/** GET /admin/mailer/staff-profiles/:user_id */
export const GET = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  sendProfile(req, res, req.params.user_id)
)

/** POST /admin/mailer/staff-profiles/:user_id: creates or updates the user's profile. */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) =>
  upsertProfile(req, res, req.params.user_id)
)
