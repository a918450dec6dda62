/** Moved to core/events/sample-context.ts (pure); this path stays for the workflow steps that import it. */
export { sampleEmailContext } from "../../modules/mailer/core/events/sample-context"
