import { transform, when, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import type { LoadedEmailContext } from "../../modules/mailer/core/events/types"
import { loadEmailContextStep } from "../steps/load-email-context"
import { sampleEmailContextStep } from "../steps/sample-email-context"

export interface RealOrSampleInput {
  event_name: string
  /** A real order to render with; without it the event's sample data is used. */
  order_id?: string | null
  /** The admin user who acts: the signature variables name them. */
  user_id: string
}

/**
 * Composition helper (call inside createWorkflow): the context of a real
 * order through the event's loader, or the event's sample data.
 */
export function realOrSampleContext(prefix: string, input: RealOrSampleInput): WorkflowData<LoadedEmailContext> {
  const real = when(`${prefix}-real-order`, input, (i) => Boolean(i.order_id)).then(() => {
    const eventInput = transform({ input }, ({ input: i }) => ({
      event_name: i.event_name,
      data: { id: i.order_id, order_id: i.order_id },
      staff_user_id: i.user_id,
    }))
    return loadEmailContextStep(eventInput)
  })
  const sample = when(`${prefix}-sample`, input, (i) => !i.order_id).then(() => {
    const sampleInput = transform({ input }, ({ input: i }) => ({ event_name: i.event_name, staff_user_id: i.user_id }))
    return sampleEmailContextStep(sampleInput)
  })
  return transform({ real, sample }, ({ real, sample }) => (real ?? sample) as LoadedEmailContext)
}
