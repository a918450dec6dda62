import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sampleEmailContext } from "../context/sample"
import { loadStaffUser } from "../context/shared"
import type { Query } from "../context/types"

export interface SampleContextInput {
  event_name: string
  /** The admin user who previews or tests: the signature variables name them. */
  staff_user_id?: string | null
}

/** The event's sample data as a loaded context (previews and test mails without a real order). */
export const sampleEmailContextStep = createStep(
  "mailer-sample-email-context",
  async (input: SampleContextInput, { container }) => {
    const loaded = sampleEmailContext(input.event_name, input.staff_user_id ?? null)
    if (!loaded) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `No mail is defined for the event "${input.event_name}".`)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
    loaded.staff_user = await loadStaffUser(query, input.staff_user_id)
    return new StepResponse(loaded)
  }
)
