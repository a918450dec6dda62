import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { findEvent } from "../../../../modules/mailer/core/events/catalog"
import { templateErrorCodeOf, validateLayout } from "../../../../modules/mailer/core/render"
import { ApiError, fieldError, parseWith, route, templateErrors } from "../lib/http-errors"
import { definedOnly, mailerOf } from "../lib/mailer"
import { UpdateSettingsBody } from "./validators"

/** GET /admin/mailer/settings */
export const GET = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ settings: present(await mailerOf(req).getSettings()) })
})

/** POST /admin/mailer/settings: partial update; `enabled_events` is merged per event. */
export const POST = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const body = definedOnly(parseWith(UpdateSettingsBody, req.body))
  const unknown = Object.keys(body.enabled_events ?? {}).find((name) => !findEvent(name))
  if (unknown) {
    throw new ApiError("UNKNOWN_EVENT", {
      params: { event_name: unknown },
      errors: [fieldError(`enabled_events.${unknown}`, "UNKNOWN_EVENT", unknownEventSentence(unknown))],
    })
  }
  if (body.layout_html) {
    const problems = validateLayout(body.layout_html)
    if (problems.length) {
      throw new ApiError(templateErrorCodeOf(problems), { status: 400, errors: templateErrors(problems) })
    }
  }
  const mailer = mailerOf(req)
  const current = await mailer.getSettings()
  const update: Record<string, unknown> = { ...body }
  if (body.enabled_events) {
    update.enabled_events = { ...((current.enabled_events as Record<string, boolean>) ?? {}), ...body.enabled_events }
  }
  if (body.layout_html === "") update.layout_html = null
  const settings = await mailer.updateSettings(update)
  res.json({ settings: present(settings) })
})

function present(settings: Record<string, any>) {
  const { deleted_at: _deleted, ...rest } = settings
  return rest
}

function unknownEventSentence(name: string) {
  return {
    en: `"enabled_events.${name}" is not an event the plugin sends mail for.`,
    de: `„enabled_events.${name}“ ist kein Ereignis, für das das Plugin E-Mails versendet.`,
  }
}
