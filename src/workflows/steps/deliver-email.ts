import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MAILER_MODULE } from "../../modules/mailer"
import type MailerModuleService from "../../modules/mailer/service"
import type { DeliveryResult } from "../../modules/mailer/types"
import type { EnqueuedEmail } from "./enqueue-email"

/** Delivers a freshly queued message right away; retries are the outbox job's. */
export const deliverEmailStep = createStep(
  "mailer-deliver-email",
  async (enqueued: EnqueuedEmail, { container }) => {
    if (!enqueued.created || enqueued.status !== "queued") {
      return new StepResponse<DeliveryResult>({ row_id: enqueued.id, status: enqueued.status as any, attempted: false })
    }
    const mailer = container.resolve<MailerModuleService>(MAILER_MODULE)
    return new StepResponse(await mailer.deliverMessage(enqueued.id))
  }
)
