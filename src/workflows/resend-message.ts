import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildResendDraftStep, type ResendDraftInput } from "./steps/build-resend-draft"
import { deliverEmailStep } from "./steps/deliver-email"
import { enqueueEmailStep } from "./steps/enqueue-email"

export const RESEND_MESSAGE_WORKFLOW = "mailer-resend-message"

/** An admin's resend: a new message (new idempotency key, resent_from_id), delivered at once. */
export const resendMessageWorkflow = createWorkflow(RESEND_MESSAGE_WORKFLOW, (input: ResendDraftInput) => {
  const draft = buildResendDraftStep(input)
  const enqueued = enqueueEmailStep(draft)
  const delivery = deliverEmailStep(enqueued)
  return new WorkflowResponse({ message_id: enqueued.id, delivery })
})
