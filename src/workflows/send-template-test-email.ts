import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { TemplateOverride } from "../modules/mailer/drafts"
import { realOrSampleContext, type RealOrSampleInput } from "./lib/real-or-sample-context"
import { deliverEmailStep } from "./steps/deliver-email"
import { enqueueEmailStep } from "./steps/enqueue-email"
import { prepareEmailStep } from "./steps/prepare-email"
import { templateTestOverridesStep } from "./steps/template-test-overrides"

export type SendTemplateTestEmailInput = RealOrSampleInput & {
  template: TemplateOverride
  /** The template's id or `default:<event>:<locale>`. */
  template_key: string
  to?: string | null
  nonce: string
}

export const SEND_TEMPLATE_TEST_EMAIL_WORKFLOW = "mailer-send-template-test-email"

/**
 * A template's test mail: rendered for a real order or the sample data, sent
 * to the admin's address (or the account's sender address) through the same
 * prepare/enqueue/deliver steps as an event's mail.
 */
export const sendTemplateTestEmailWorkflow = createWorkflow(
  SEND_TEMPLATE_TEST_EMAIL_WORKFLOW,
  (input: SendTemplateTestEmailInput) => {
    const loaded = realOrSampleContext("mailer-template-test", input)
    const overrides = templateTestOverridesStep({
      loaded,
      template: input.template,
      template_key: input.template_key,
      to: input.to,
      user_id: input.user_id,
      nonce: input.nonce,
    })
    const draft = prepareEmailStep({ loaded, overrides })
    const enqueued = enqueueEmailStep(draft)
    const delivery = deliverEmailStep(enqueued)
    return new WorkflowResponse({ message_id: enqueued.id, delivery })
  }
)
