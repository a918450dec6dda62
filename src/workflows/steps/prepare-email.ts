import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MAILER_MODULE } from "../../modules/mailer"
import type MailerModuleService from "../../modules/mailer/service"
import type { LoadedEmailContext } from "../context/types"
import { prepareDraft, type DraftOverrides } from "../lib/prepare-draft"

export interface PrepareEmailInput {
  loaded: LoadedEmailContext
  overrides?: DraftOverrides
}

/** Resolves template and account and renders the mail (no SMTP here). */
export const prepareEmailStep = createStep(
  "mailer-prepare-email",
  async (input: PrepareEmailInput, { container }) => {
    const mailer = container.resolve<MailerModuleService>(MAILER_MODULE)
    return new StepResponse(await prepareDraft(mailer, input.loaded, input.overrides ?? {}))
  }
)
