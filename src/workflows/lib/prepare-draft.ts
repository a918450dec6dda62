import { describeError } from "../../modules/mailer/core/errors"
import { eventIdempotencyKey } from "../../modules/mailer/core/idempotency"
import { languageOf, resolveLocale } from "../../modules/mailer/core/locale"
import { renderEmail, TemplateError } from "../../modules/mailer/core/render"
import { pickAccount, staffInfoOf } from "../../modules/mailer/core/resolve-account"
import { pickStoredTemplate } from "../../modules/mailer/core/templates/resolve-template"
import { SHIPPED_TEMPLATES, shippedTemplate } from "../../modules/mailer/core/templates/shipped"
import type MailerModuleService from "../../modules/mailer/service"
import type { MessageDraft } from "../../modules/mailer/types"
import type { LoadedEmailContext } from "../context/types"

export interface TemplateOverride {
  id?: string | null
  locale?: string | null
  account_id?: string | null
  subject: string
  body_html: string
  body_text?: string | null
}

export interface DraftOverrides {
  /** Manual sends (resend, test mail) use their own key so they never collide with the event's. */
  idempotency_key?: string
  to?: string | null
  triggered_by?: string
  resent_from_id?: string | null
  /** Send this template instead of the resolved one (template test mail). */
  template?: TemplateOverride | null
  /** Send through this account instead of the resolved one. */
  account_id?: string | null
}

type Settings = Awaited<ReturnType<MailerModuleService["getSettings"]>>

/** The language of the mail: order/customer locale when a template exists for it, else the shop default. */
export function chooseLocale(loaded: LoadedEmailContext, storedLocales: string[], settings: Settings): string {
  const shipped = Object.keys(SHIPPED_TEMPLATES[loaded.event_name] ?? {})
  const available = [...storedLocales, ...shipped]
  const storeLocale = loaded.store_locales.length === 1 ? loaded.store_locales[0] : null
  return resolveLocale([...loaded.locale_candidates, storeLocale], available, settings.default_locale)
}

/**
 * Resolves template, account and staff member and renders the mail. Never
 * throws for shop data: every outcome is a draft (queued, skipped, failed) so
 * the event leaves a row in the log.
 */
export async function prepareDraft(
  mailer: MailerModuleService,
  loaded: LoadedEmailContext,
  overrides: DraftOverrides = {}
): Promise<MessageDraft> {
  const settings = await mailer.getSettings()
  const templates = await mailer.listMailerTemplates({ event_name: loaded.event_name })
  const locale = chooseLocale(loaded, templates.map((t) => t.locale), settings)
  const query = { event_name: loaded.event_name, sales_channel_id: loaded.sales_channel_id, locale, default_locale: settings.default_locale }
  const stored = overrides.template ? null : pickStoredTemplate(templates, query)
  const shipped = stored || overrides.template ? null : shippedTemplate(loaded.event_name, locale, settings.default_locale)
  const templateLocale = overrides.template?.locale ?? stored?.locale ?? shipped?.locale ?? languageOf(locale)

  const base: MessageDraft = {
    idempotency_key:
      overrides.idempotency_key ??
      eventIdempotencyKey({
        event_name: loaded.event_name,
        resource_id: occurrenceKey(loaded),
        template_event: loaded.event_name,
        locale: templateLocale,
      }),
    status: "queued",
    event_name: loaded.event_name,
    template_id: overrides.template?.id ?? stored?.id ?? null,
    locale: templateLocale,
    resource_type: loaded.resource_type,
    resource_id: loaded.resource_id,
    to: overrides.to ?? loaded.recipient,
    triggered_by: overrides.triggered_by ?? "system",
    resent_from_id: overrides.resent_from_id ?? null,
    staff_user_id: loaded.staff_user_id,
    one_time_link: loaded.one_time_link ?? null,
  }
  const enabled = (settings.enabled_events as Record<string, boolean> | null)?.[loaded.event_name]
  // A merchant who resends or tests a mail by hand wants it, even for a switched-off
  // event or one marked no_notification: those govern the automatic mails.
  const manual = Boolean(overrides.idempotency_key)
  if (enabled === false && !manual) {
    return { ...base, status: "skipped", skip_reason: "EVENT_DISABLED" }
  }
  if (loaded.skip_reason && !manual) {
    return { ...base, status: "skipped", skip_reason: loaded.skip_reason }
  }
  if (loaded.failure) {
    return failed(base, loaded.failure.code, loaded.failure.message, loaded.failure.hint)
  }
  const source = overrides.template ?? stored ?? shipped?.template
  if (!source) {
    return failed(base, "TEMPLATE_INVALID", `No template exists for ${loaded.event_name}.`)
  }
  const accounts = await mailer.listMailerAccounts({})
  const account = pickAccount(accounts as any[], {
    template_account_id: overrides.account_id ?? overrides.template?.account_id ?? stored?.account_id,
    sales_channel_id: loaded.sales_channel_id,
  })
  return renderDraft(mailer, loaded, base, source, account, settings)
}

async function renderDraft(
  mailer: MailerModuleService,
  loaded: LoadedEmailContext,
  base: MessageDraft,
  source: { subject: string; body_html: string; body_text?: string | null },
  account: Record<string, any> | null,
  settings: Settings
): Promise<MessageDraft> {
  let content: { subject: string; html: string; text: string }
  try {
    content = await renderForAccount(mailer, loaded, source, account, base.locale ?? settings.default_locale, settings)
  } catch (err) {
    if (err instanceof TemplateError) {
      const detail = err.problems.map((p) => `${p.field}${p.line ? `:${p.line}` : ""} ${p.message}`).join("; ")
      return failed(base, err.code, `${err.message}${detail ? ` (${detail})` : ""}`)
    }
    throw err
  }
  const withContent = { ...base, subject: content.subject, html: content.html, text: content.text }
  if (!account) {
    return failed(withContent, "NO_ACCOUNT")
  }
  const addressed = {
    ...withContent,
    account_id: account.id,
    from: account.sender_name ? `${account.sender_name} <${account.sender_email}>` : account.sender_email,
    reply_to: account.reply_to ?? null,
    cc: [account.cc_1, account.cc_2].filter(Boolean),
    bcc: [account.bcc].filter(Boolean),
  }
  if (!addressed.to) {
    return failed(addressed, "NO_RECIPIENT")
  }
  return addressed
}

/** Renders a template for a loaded context as the given account would send it (also used by previews). */
export async function renderForAccount(
  mailer: MailerModuleService,
  loaded: LoadedEmailContext,
  source: { subject: string; body_html: string; body_text?: string | null },
  account: Record<string, any> | null,
  locale: string,
  settings: Settings
) {
  const [profile] = loaded.staff_user_id
    ? await mailer.listMailerStaffProfiles({ user_id: loaded.staff_user_id })
    : []
  return renderEmail({
    template: source,
    context: loaded.context,
    locale,
    currency_code: loaded.currency_code,
    staff: staffInfoOf({ user: loaded.staff_user, profile, contact: account }),
    account: {
      signature_html: profile?.signature_html || account?.signature_html,
      greeting: account?.greeting,
      sender_name: account?.sender_name,
    },
    layout_html: settings.layout_html,
  })
}

/** Preview: the template rendered for a real or sample context, without writing anything. */
export async function previewEmail(
  mailer: MailerModuleService,
  loaded: LoadedEmailContext,
  source: TemplateOverride
) {
  const settings = await mailer.getSettings()
  const accounts = await mailer.listMailerAccounts({})
  const account = pickAccount(accounts as any[], {
    template_account_id: source.account_id,
    sales_channel_id: loaded.sales_channel_id,
  })
  return renderForAccount(mailer, loaded, source, account, source.locale ?? settings.default_locale, settings)
}

function failed(base: MessageDraft, code: string, message?: string, hint?: string): MessageDraft {
  const described = describeError(code, "en")
  return {
    ...base,
    status: "failed",
    error_code: described.code,
    error_message: message ?? described.message,
    error_hint: hint ?? described.hint,
  }
}

/**
 * The resource part of the idempotency key: the resource, plus the occurrence
 * when one resource has several mails of one event (two shipments of an
 * order, two password resets of an account): `order_1/ful_2`.
 */
export function occurrenceKey(loaded: Pick<LoadedEmailContext, "resource_id" | "occurrence_id">): string {
  return loaded.occurrence_id ? `${loaded.resource_id}/${loaded.occurrence_id}` : loaded.resource_id
}
