import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SMTP_PRESETS } from "../../../../modules/mailer/core/smtp/presets"
import { requestLanguage, route } from "../lib/http-errors"

/** GET /admin/mailer/presets: provider presets for the account form (host, port, security, notes). */
export const GET = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const lang = requestLanguage(req)
  const presets = SMTP_PRESETS.map((p) => ({
    ...p,
    notes: lang === "de" ? p.notes_de : p.notes_en,
    // OAuth2 where the provider has it (Microsoft 365, Gmail), with the reason for its order
    ...(p.auth_methods ? { auth_note: lang === "de" ? p.auth_note_de : p.auth_note_en } : {}),
  }))
  res.json({ presets, count: presets.length })
})
