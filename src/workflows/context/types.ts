import type { MedusaContainer } from "@medusajs/framework/types"

export type { EmailEventInput, LoadedEmailContext, LoadFailure } from "../../modules/mailer/core/events/types"
import type { EmailEventInput, LoadedEmailContext } from "../../modules/mailer/core/events/types"

export type Query = {
  graph: (config: Record<string, unknown>, options?: Record<string, unknown>) => Promise<{ data: any[] }>
}

export interface LoaderDeps {
  query: Query
  container: MedusaContainer
}

export type ContextLoader = (input: EmailEventInput, deps: LoaderDeps) => Promise<LoadedEmailContext>
