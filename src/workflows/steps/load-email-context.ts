import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { contextLoaderFor } from "../../modules/mailer/core/events/registry"
import type { EmailEventInput, QueryGraph } from "../../modules/mailer/core/events/types"

/**
 * Reads the order/fulfillment/customer and the store through Query: the only cross-module read.
 * The loader is the event definition's (core/events/definitions/); links and shop details from
 * the plugin's settings are added later, by the draft pipeline.
 */
export const loadEmailContextStep = createStep(
  "mailer-load-email-context",
  async (input: EmailEventInput, { container }) => {
    const loader = contextLoaderFor(input.event_name)
    if (!loader) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `No mail is defined for the event "${input.event_name}".`)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as QueryGraph
    return new StepResponse(await loader(input, { query }))
  }
)
