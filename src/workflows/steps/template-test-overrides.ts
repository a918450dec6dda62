import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MAILER_MODULE } from "../../modules/mailer"
import { manualIdempotencyKey } from "../../modules/mailer/core/idempotency"
import { pickAccount } from "../../modules/mailer/core/resolve-account"
import type MailerModuleService from "../../modules/mailer/service"
import type { LoadedEmailContext } from "../context/types"
import type { DraftOverrides, TemplateOverride } from "../lib/prepare-draft"

export interface TemplateTestOverridesInput {
  loaded: LoadedEmailContext
  template: TemplateOverride
  /** The template's id, or `default:<event>:<locale>` for a shipped default (part of the idempotency key). */
  template_key: string
  to?: string | null
  user_id: string
  nonce: string
}

/**
 * How a template test mail differs from the event's mail: this template, a
 * fresh idempotency key, and the recipient the admin named, else the sender
 * address of the account the mail goes out from (never the customer).
 */
export const templateTestOverridesStep = createStep(
  "mailer-template-test-overrides",
  async (input: TemplateTestOverridesInput, { container }) => {
    const mailer = container.resolve<MailerModuleService>(MAILER_MODULE)
    const accounts = await mailer.listMailerAccounts({})
    const account = pickAccount(accounts as any[], {
      template_account_id: input.template.account_id,
      sales_channel_id: input.loaded.sales_channel_id,
    })
    const overrides: DraftOverrides = {
      idempotency_key: manualIdempotencyKey("test", input.template_key, input.nonce),
      to: input.to || account?.sender_email || null,
      triggered_by: input.user_id,
      template: input.template,
      account_id: account?.id ?? null,
    }
    return new StepResponse(overrides)
  }
)
