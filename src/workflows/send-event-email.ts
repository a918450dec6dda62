import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailEventInput } from "./context/types"
import type { DraftOverrides } from "../modules/mailer/drafts"
import { deliverEmailStep } from "./steps/deliver-email"
import { enqueueEmailStep } from "./steps/enqueue-email"
import { loadEmailContextStep } from "./steps/load-email-context"
import { prepareEmailStep } from "./steps/prepare-email"

export type SendEventEmailInput = EmailEventInput & { overrides?: DraftOverrides }

export const SEND_EVENT_EMAIL_WORKFLOW = "mailer-send-event-email"

/** Medusa event → context (Query) → template, account, render → outbox row → delivery. */
export const sendEventEmailWorkflow = createWorkflow(SEND_EVENT_EMAIL_WORKFLOW, (input: SendEventEmailInput) => {
  const loaded = loadEmailContextStep(input)
  const draft = prepareEmailStep({ loaded, overrides: input.overrides })
  const enqueued = enqueueEmailStep(draft)
  const delivery = deliverEmailStep(enqueued)
  return new WorkflowResponse({ message_id: enqueued.id, created: enqueued.created, delivery })
})
