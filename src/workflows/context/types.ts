/**
 * The loader types live in core/events/types.ts (Query as the structural QueryGraph, so the
 * loaders can be part of the pure event definitions); this path stays for the workflows.
 */
export type {
  ContextLoader,
  EmailEventInput,
  LoadedEmailContext,
  LoadFailure,
  LoaderDeps,
  QueryGraph as Query,
} from "../../modules/mailer/core/events/types"
