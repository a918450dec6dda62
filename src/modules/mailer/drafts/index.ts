import { withSettingsContext } from "../core/events/links-context"
import type { LoadedEmailContext } from "../core/events/types"
import { pickAccount } from "../core/resolve-account"
import type { MessageDraft } from "../types"
import { readDraftInputs, type DraftInputs } from "./draft-inputs"
import { linkBasesOf } from "./link-sources"
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
  const inputs = await readDraftInputs(mailer, loaded)
  return prepareDraft(completeContext(mailer, loaded, inputs), inputs, overrides)
}

/** The loader's context with the links and shop details it asked for, from the settings just read. */
function completeContext(mailer: DraftReads, loaded: LoadedEmailContext, inputs: DraftInputs): LoadedEmailContext {
  return withSettingsContext(loaded, { bases: linkBasesOf(mailer, inputs.settings), settings: inputs.settings })
}

/** Preview: the template rendered for a real or sample context, without writing anything. */
export async function previewDraft(mailer: DraftReads, loaded: LoadedEmailContext, source: TemplateOverride) {
  const inputs = await readDraftInputs(mailer, loaded, false)
  const account = pickAccount(inputs.accounts as any[], {
    template_account_id: source.account_id,
    sales_channel_id: loaded.sales_channel_id,
  })
  return renderForAccount(completeContext(mailer, loaded, inputs), {
    source,
    account,
    profile: inputs.profile,
    locale: source.locale ?? inputs.settings.default_locale,
    layout_html: inputs.settings.layout_html,
  })
}
