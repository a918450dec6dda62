import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { TemplateOverride } from "../modules/mailer/drafts"
import { realOrSampleContext, type RealOrSampleInput } from "./lib/real-or-sample-context"
import { renderPreviewStep } from "./steps/render-preview"

export type PreviewTemplateInput = RealOrSampleInput & { template: TemplateOverride }

export const PREVIEW_TEMPLATE_WORKFLOW = "mailer-preview-template"

/** Renders a template (saved or not) for a real order or the sample data; writes nothing. */
export const previewTemplateWorkflow = createWorkflow(PREVIEW_TEMPLATE_WORKFLOW, (input: PreviewTemplateInput) => {
  const loaded = realOrSampleContext("mailer-preview", input)
  const result = renderPreviewStep({ loaded, template: input.template })
  return new WorkflowResponse(result)
})
