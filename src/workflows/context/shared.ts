/** Loader reads moved to core/events/loaders/shared.ts; this path stays for the workflow steps that import it. */
export { loadStaffUser } from "../../modules/mailer/core/events/loaders/shared"
