import type { LoadedEmailContext } from "../core/events/types"
import { pickAccount } from "../core/resolve-account"
import type { MessageDraft } from "../types"
import { readDraftInputs } from "./draft-inputs"
import { prepareDraft } from "./prepare-draft"
import { renderForAccount } from "./render-for-account"
import type { DraftOverrides, DraftReads, TemplateOverride } from "./types"

export type { DraftOverrides, DraftReads, TemplateOverride } from "./types"

/** An event's (or a manual send's) mail as an outbox draft: module reads once, then core decisions. */
export async function buildDraft(
  mailer: DraftReads,
  loaded: LoadedEmailContext,
  overrides: DraftOverrides = {}
): Promise<MessageDraft> {
  return prepareDraft(loaded, await readDraftInputs(mailer, loaded), overrides)
}

/** Preview: the template rendered for a real or sample context, without writing anything. */
export async function previewDraft(mailer: DraftReads, loaded: LoadedEmailContext, source: TemplateOverride) {
  const inputs = await readDraftInputs(mailer, loaded, false)
  const account = pickAccount(inputs.accounts as any[], {
    template_account_id: source.account_id,
    sales_channel_id: loaded.sales_channel_id,
  })
  return renderForAccount(loaded, {
    source,
    account,
    profile: inputs.profile,
    locale: source.locale ?? inputs.settings.default_locale,
    layout_html: inputs.settings.layout_html,
  })
}
