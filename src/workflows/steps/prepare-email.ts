import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MAILER_MODULE } from "../../modules/mailer"
import type MailerModuleService from "../../modules/mailer/service"
import type { LoadedEmailContext } from "../context/types"
import type { DraftOverrides } from "../../modules/mailer/drafts"

export interface PrepareEmailInput {
  loaded: LoadedEmailContext
  overrides?: DraftOverrides
}

/** Resolves template and account and renders the mail (no SMTP here). */
export const prepareEmailStep = createStep(
  "mailer-prepare-email",
  async (input: PrepareEmailInput, { container }) => {
    const mailer = container.resolve<MailerModuleService>(MAILER_MODULE)
    return new StepResponse(await mailer.prepareDraft(input.loaded, input.overrides ?? {}))
  }
)
