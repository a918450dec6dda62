import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONTEXT_LOADERS } from "../context/registry"
import type { EmailEventInput, Query } from "../context/types"

/** Reads the order/fulfillment/customer and the store through Query: the only cross-module read. */
export const loadEmailContextStep = createStep(
  "mailer-load-email-context",
  async (input: EmailEventInput, { container }) => {
    const loader = CONTEXT_LOADERS[input.event_name]
    if (!loader) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `No mail is defined for the event "${input.event_name}".`)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
    return new StepResponse(await loader(input, { query, container }))
  }
)
