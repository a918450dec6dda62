import type { MedusaContainer } from "@medusajs/framework/types"
import type { EventRunner } from "../modules/mailer/inbox/types"
import { sendEventEmailWorkflow } from "./send-event-email"

/**
 * How the event inbox (src/modules/mailer/inbox/) processes one recorded event: the send
 * workflow, run with the app's container (the module's own container cannot run workflows).
 * Shared by the subscriber (first try) and the outbox job (retries). A failing step throws;
 * the inbox classifies the error and schedules the retry.
 */
export function eventInboxRunner(container: MedusaContainer): EventRunner {
  return async ({ event_name, data }) => {
    const { result } = await sendEventEmailWorkflow(container).run({ input: { event_name, data } })
    return { message_ids: result?.message_id ? [result.message_id] : [] }
  }
}
