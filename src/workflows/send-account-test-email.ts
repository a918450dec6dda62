import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildAccountTestDraftStep, type AccountTestDraftInput } from "./steps/build-account-test-draft"
import { deliverEmailStep } from "./steps/deliver-email"
import { enqueueEmailStep } from "./steps/enqueue-email"

export const SEND_ACCOUNT_TEST_EMAIL_WORKFLOW = "mailer-send-account-test-email"

/** An account's test mail through the outbox: logged, and test-mode routing applies as for any mail. */
export const sendAccountTestEmailWorkflow = createWorkflow(
  SEND_ACCOUNT_TEST_EMAIL_WORKFLOW,
  (input: AccountTestDraftInput) => {
    const draft = buildAccountTestDraftStep(input)
    const enqueued = enqueueEmailStep(draft)
    const delivery = deliverEmailStep(enqueued)
    return new WorkflowResponse({ message_id: enqueued.id, delivery })
  }
)
