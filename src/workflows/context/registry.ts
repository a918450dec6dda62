import { CONTEXT_LOADERS as LOADERS } from "../../modules/mailer/core/events/registry"
import type { EmailEventInput, LoadedEmailContext, LoaderDeps } from "./types"

/**
 * The loader registry and the subscriber's event list live with the event definitions
 * (core/events/registry.ts, derived from core/events/definitions/). This path stays for the
 * subscriber and the API, which import them from here.
 */
export { HANDLED_EVENTS } from "../../modules/mailer/core/events/registry"

/** Callers that still hand over the container may: loaders read only Query. */
type WorkflowContextLoader = (input: EmailEventInput, deps: LoaderDeps & { container?: unknown }) => Promise<LoadedEmailContext>

export const CONTEXT_LOADERS: Readonly<Record<string, WorkflowContextLoader>> = LOADERS
