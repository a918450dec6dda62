import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { describeVariables, EVENT_CATALOG } from "../../../../modules/mailer/core/events/catalog"
import { SHIPPED_TEMPLATES } from "../../../../modules/mailer/core/templates/shipped"
import { requestLanguage, route } from "../lib/http-errors"
import { mailerOf } from "../lib/mailer"

/**
 * GET /admin/mailer/events: every event the plugin mails for, with labels,
 * whether it is enabled, the shipped languages, and the template variables
 * with sample values.
 */
export const GET = route(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const lang = requestLanguage(req)
  const settings = await mailerOf(req).getSettings()
  const enabled = (settings.enabled_events as Record<string, boolean> | null) ?? {}
  const events = EVENT_CATALOG.map((event) => ({
    name: event.name,
    label: lang === "de" ? event.label_de : event.label_en,
    description: lang === "de" ? event.description_de : event.description_en,
    label_de: event.label_de,
    label_en: event.label_en,
    description_de: event.description_de,
    description_en: event.description_en,
    resource_type: event.resource_type,
    enabled: enabled[event.name] !== false,
    shipped_locales: Object.keys(SHIPPED_TEMPLATES[event.name] ?? {}),
    variables: describeVariables(event.sample_context),
    sample: event.sample_context,
  }))
  res.json({ events, count: events.length })
})
