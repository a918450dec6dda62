import { CUSTOMER_CREATED_TEMPLATES } from "../../templates/defaults/customer-created"
import { byResourceId, defineMailEvent } from "../define"
import { SAMPLE_CUSTOMER_CREATED_CONTEXT } from "../sample-data-accounts"

/** A customer signed up: payload `{ id }` of the customer. Loader: workflows/context/customer.ts. */
export const CUSTOMER_MAILS = defineMailEvent({
  family: "customer",
  medusa_events: { "customer.created": {} },
  template_events: [
    {
      name: "customer.created",
      label_de: "Willkommen",
      label_en: "Welcome",
      description_de: "Wird gesendet, wenn sich ein Kunde registriert hat (nur Kunden mit Kundenkonto).",
      description_en: "Sent when a customer has signed up (only customers with an account).",
      resource_type: "customer",
      sample_context: SAMPLE_CUSTOMER_CREATED_CONTEXT,
      shipped: CUSTOMER_CREATED_TEMPLATES,
      resend: byResourceId,
    },
  ],
})
