export { sendEventEmailWorkflow, SEND_EVENT_EMAIL_WORKFLOW } from "./send-event-email"
export type { SendEventEmailInput } from "./send-event-email"
