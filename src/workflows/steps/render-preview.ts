import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MAILER_MODULE } from "../../modules/mailer"
import { isTemplateError, type TemplateErrorCode, type TemplateProblem } from "../../modules/mailer/core/render"
import type MailerModuleService from "../../modules/mailer/service"
import type { LoadedEmailContext } from "../context/types"
import type { TemplateOverride } from "../../modules/mailer/drafts"

export interface RenderPreviewInput {
  loaded: LoadedEmailContext
  template: TemplateOverride
}

export type PreviewResult =
  | { ok: true; subject: string; html: string; text: string; warnings: TemplateProblem[] }
  | { ok: false; code: TemplateErrorCode; problems: TemplateProblem[] }

/**
 * Renders a template for a loaded context without writing anything. A
 * template that does not render is a result, not a step failure, so the
 * caller can show the faulty line.
 */
export const renderPreviewStep = createStep(
  "mailer-render-preview",
  async (input: RenderPreviewInput, { container }) => {
    const mailer = container.resolve<MailerModuleService>(MAILER_MODULE)
    try {
      const rendered = await mailer.previewDraft(input.loaded, input.template)
      return new StepResponse<PreviewResult>({ ok: true, ...rendered })
    } catch (err) {
      if (!isTemplateError(err)) throw err
      return new StepResponse<PreviewResult>({ ok: false, code: err.code, problems: err.problems })
    }
  }
)
