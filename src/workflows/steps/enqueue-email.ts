import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MAILER_MODULE } from "../../modules/mailer"
import type MailerModuleService from "../../modules/mailer/service"
import type { MessageDraft } from "../../modules/mailer/types"

export interface EnqueuedEmail {
  id: string
  status: string
  created: boolean
}

/**
 * Writes the draft to the outbox. A row whose idempotency key exists already
 * is left alone: the event was handled before. No compensation: a log row
 * stays even when a later step fails.
 */
export const enqueueEmailStep = createStep(
  "mailer-enqueue-email",
  async (draft: MessageDraft, { container }) => {
    const mailer = container.resolve<MailerModuleService>(MAILER_MODULE)
    const { message, created } = await mailer.enqueueMessage(draft)
    return new StepResponse<EnqueuedEmail>({ id: message.id, status: message.status, created })
  }
)
