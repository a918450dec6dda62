import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { manualIdempotencyKey } from "../../modules/mailer/core/idempotency"
import type { DraftOverrides, TemplateOverride } from "../../modules/mailer/drafts"
import type { LoadedEmailContext } from "../context/types"

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
 * address of the account the mail goes out from (never the customer). The
 * module's draft pipeline picks that account, as for every mail.
 */
export const templateTestOverridesStep = createStep(
  "mailer-template-test-overrides",
  async (input: TemplateTestOverridesInput) => {
    const overrides: DraftOverrides = {
      idempotency_key: manualIdempotencyKey("test", input.template_key, input.nonce),
      to: input.to || null,
      to_account_sender: true,
      triggered_by: input.user_id,
      template: input.template,
    }
    return new StepResponse(overrides)
  }
)
