import type { MedusaRequest } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { EVENT_CATALOG, findEvent } from "../../../../modules/mailer/core/events/catalog"
import { languageOf as languageOfLocale, normalizeLocale } from "../../../../modules/mailer/core/locale"
import { templateErrorCodeOf, validateTemplate, type TemplateInput } from "../../../../modules/mailer/core/render"
import { SHIPPED_TEMPLATES, shippedSource } from "../../../../modules/mailer/core/templates/shipped"
import type MailerModuleService from "../../../../modules/mailer/service"
import { ApiError, fieldError, notFound, templateErrors } from "../lib/http-errors"
import { retrieveOr404 } from "../lib/mailer"

const DEFAULT_PREFIX = "default:"

/** `default:<event>:<locale>`: the id a shipped default is addressed by. */
export function defaultId(eventName: string, locale: string): string {
  return `${DEFAULT_PREFIX}${eventName}:${locale}`
}

export function presentTemplate(row: Record<string, any>) {
  const { deleted_at: _deleted, ...rest } = row
  return { ...rest, is_default: false, default_id: null }
}

function presentDefault(eventName: string, locale: string) {
  // Own entries only: `default:constructor:name` is not a template.
  const source = shippedSource(eventName, locale)
  if (!source) return null
  return {
    id: null,
    default_id: defaultId(eventName, locale),
    event_name: eventName,
    locale,
    sales_channel_id: null,
    account_id: null,
    is_active: true,
    is_default: true,
    subject: source.subject,
    body_html: source.body_html,
    body_text: source.body_text ?? null,
  }
}

/** The shipped default behind `default:<event>:<locale>`, or null for any other id. */
export function shippedById(id: string) {
  if (!id.startsWith(DEFAULT_PREFIX)) return null
  const rest = id.slice(DEFAULT_PREFIX.length)
  const at = rest.lastIndexOf(":")
  if (at <= 0) return null
  return presentDefault(rest.slice(0, at), rest.slice(at + 1))
}

/**
 * Stored templates plus, for every event and shipped language without an
 * active all-channel override in that language, the shipped default.
 */
export async function listTemplates(mailer: MailerModuleService, filters: { event_name?: string; locale?: string }) {
  const rows = await mailer.listMailerTemplates(filters.event_name ? { event_name: filters.event_name } : {}, {
    order: { event_name: "ASC", locale: "ASC", created_at: "ASC" },
  })
  const matchesLocale = (l: string) => !filters.locale || normalizeLocale(l) === normalizeLocale(filters.locale)
  const stored = rows.filter((r) => matchesLocale(r.locale)).map(presentTemplate)
  const defaults = []
  for (const event of EVENT_CATALOG) {
    if (filters.event_name && event.name !== filters.event_name) continue
    for (const locale of Object.keys(SHIPPED_TEMPLATES[event.name] ?? {})) {
      const overridden = rows.some(
        (r) =>
          r.event_name === event.name &&
          !r.sales_channel_id &&
          r.is_active &&
          languageOfLocale(r.locale) === languageOfLocale(locale)
      )
      if (!overridden && matchesLocale(locale)) defaults.push(presentDefault(event.name, locale)!)
    }
  }
  return [...stored, ...defaults]
}

export function assertKnownEvent(eventName: string) {
  if (!findEvent(eventName)) {
    throw new ApiError("UNKNOWN_EVENT", {
      params: { event_name: eventName },
      errors: [
        fieldError("event_name", "UNKNOWN_EVENT", {
          en: `"event_name" is not an event the plugin sends mail for.`,
          de: "„event_name“ ist kein Ereignis, für das das Plugin E-Mails versendet.",
        }),
      ],
    })
  }
}

/**
 * Compiles the template against the event's sample data: problems are a 400
 * (TEMPLATE_TOO_COMPLEX when over the render budget, else TEMPLATE_INVALID),
 * warnings are returned.
 */
export function assertValidTemplate(eventName: string, source: TemplateInput) {
  const sample = findEvent(eventName)?.sample_context
  const { problems, warnings } = validateTemplate(source, sample)
  if (problems.length > 0) {
    throw new ApiError(templateErrorCodeOf(problems), { status: 400, errors: templateErrors(problems) })
  }
  return templateErrors(warnings)
}

/** (event, locale, sales channel) is unique; "de-DE" and "de_de" are the same locale. */
export async function assertNoDuplicate(
  mailer: MailerModuleService,
  key: { event_name: string; locale: string; sales_channel_id: string | null },
  exceptId?: string
) {
  const rows = await mailer.listMailerTemplates({ event_name: key.event_name })
  const clash = rows.find(
    (r) =>
      r.id !== exceptId &&
      (r.sales_channel_id ?? null) === key.sales_channel_id &&
      normalizeLocale(r.locale) === normalizeLocale(key.locale)
  )
  if (clash) {
    throw new ApiError("TEMPLATE_EXISTS", {
      params: {
        event_name: key.event_name,
        locale: key.locale,
        channel: key.sales_channel_id ? `sales channel ${key.sales_channel_id}` : undefined,
        channel_de: key.sales_channel_id ? `den Vertriebskanal ${key.sales_channel_id}` : undefined,
      },
      detail: `existing template: ${clash.id}`,
    })
  }
}

/** Referenced account and sales channel must exist. */
export async function assertReferences(
  req: MedusaRequest,
  mailer: MailerModuleService,
  refs: { account_id?: string | null; sales_channel_id?: string | null }
) {
  if (refs.account_id) {
    const accountId = refs.account_id
    await retrieveOr404("account", accountId, () => mailer.retrieveMailerAccount(accountId))
  }
  if (refs.sales_channel_id) {
    const channels = await req.scope
      .resolve(Modules.SALES_CHANNEL)
      .listSalesChannels({ id: [refs.sales_channel_id] }, { select: ["id"] })
    if (!channels.length) throw notFound("sales_channel", refs.sales_channel_id)
  }
}

export async function retrieveTemplate(mailer: MailerModuleService, id: string) {
  return retrieveOr404("template", id, () => mailer.retrieveMailerTemplate(id)) as Promise<Record<string, any>>
}
