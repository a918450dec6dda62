import { describeError } from "../core/errors"
import { occurrenceKey } from "../core/events/occurrence"
import type { LoadedEmailContext } from "../core/events/types"
import { eventIdempotencyKey } from "../core/idempotency"
import { languageOf } from "../core/locale"
import { TemplateError } from "../core/render"
import { pickAccount } from "../core/resolve-account"
import { chooseLocale } from "../core/templates/choose-locale"
import { pickStoredTemplate } from "../core/templates/resolve-template"
import { shippedTemplate } from "../core/templates/shipped"
import type { TemplateSource } from "../core/templates/types"
import type { MessageDraft } from "../types"
import type { DraftInputs } from "./draft-inputs"
import { renderForAccount } from "./render-for-account"
import type { DraftOverrides } from "./types"

type Row = Record<string, any>

/** The template, its language and the account a mail goes out with. */
interface Resolution {
  stored: Row | null
  source: TemplateSource | null
  locale: string
  account: Row | null
}

function resolve(loaded: LoadedEmailContext, inputs: DraftInputs, overrides: DraftOverrides): Resolution {
  const defaultLocale = inputs.settings.default_locale
  const locale = chooseLocale(loaded, inputs.templates.map((t) => t.locale), defaultLocale)
  const query = { event_name: loaded.event_name, sales_channel_id: loaded.sales_channel_id, locale, default_locale: defaultLocale }
  const stored = overrides.template ? null : pickStoredTemplate(inputs.templates as any[], query)
  const shipped = stored || overrides.template ? null : shippedTemplate(loaded.event_name, locale, defaultLocale)
  const account = pickAccount(inputs.accounts as any[], {
    template_account_id: overrides.account_id ?? overrides.template?.account_id ?? stored?.account_id,
    sales_channel_id: loaded.sales_channel_id,
  })
  return {
    stored,
    source: overrides.template ?? stored ?? shipped?.template ?? null,
    locale: overrides.template?.locale ?? stored?.locale ?? shipped?.locale ?? languageOf(locale),
    account,
  }
}

function baseDraft(loaded: LoadedEmailContext, chosen: Resolution, overrides: DraftOverrides): MessageDraft {
  const to = overrides.to_account_sender ? overrides.to || chosen.account?.sender_email || null : overrides.to ?? loaded.recipient
  return {
    idempotency_key:
      overrides.idempotency_key ??
      eventIdempotencyKey({ event_name: loaded.event_name, resource_id: occurrenceKey(loaded), locale: chosen.locale }),
    status: "queued",
    event_name: loaded.event_name,
    template_id: overrides.template?.id ?? chosen.stored?.id ?? null,
    locale: chosen.locale,
    resource_type: loaded.resource_type,
    resource_id: loaded.resource_id,
    // Its own column: a resend rebuilds the event payload from it (core/events/resend.ts).
    occurrence: loaded.occurrence_id ?? null,
    to,
    triggered_by: overrides.triggered_by ?? "system",
    resent_from_id: overrides.resent_from_id ?? null,
    staff_user_id: loaded.staff_user_id,
    one_time_link: loaded.one_time_link ?? null,
  }
}

/**
 * Resolves template, account and staff member and renders the mail. Never
 * throws for shop data: every outcome is a draft (queued, skipped, failed) so
 * the event leaves a row in the log.
 */
export async function prepareDraft(
  loaded: LoadedEmailContext,
  inputs: DraftInputs,
  overrides: DraftOverrides = {}
): Promise<MessageDraft> {
  const chosen = resolve(loaded, inputs, overrides)
  const base = baseDraft(loaded, chosen, overrides)
  const enabled = (inputs.settings.enabled_events as Record<string, boolean> | null)?.[loaded.event_name]
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
  if (!chosen.source) {
    return failed(base, "TEMPLATE_INVALID", `No template exists for ${loaded.event_name}.`)
  }
  return renderDraft(loaded, base, { ...chosen, source: chosen.source }, inputs)
}

async function renderDraft(
  loaded: LoadedEmailContext,
  base: MessageDraft,
  chosen: Resolution & { source: TemplateSource },
  inputs: DraftInputs
): Promise<MessageDraft> {
  const { account } = chosen
  let content: { subject: string; html: string; text: string }
  try {
    const locale = base.locale ?? inputs.settings.default_locale
    content = await renderForAccount(loaded, { ...chosen, profile: inputs.profile, locale, layout_html: inputs.settings.layout_html })
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
