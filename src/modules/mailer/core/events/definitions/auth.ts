import { CUSTOMER_PASSWORD_RESET_TEMPLATES, USER_PASSWORD_RESET_TEMPLATES } from "../../templates/defaults/password-reset"
import { defineMailEvent } from "../define"
import { SAMPLE_CUSTOMER_RESET_CONTEXT, SAMPLE_USER_RESET_CONTEXT } from "../sample-data-accounts"

/**
 * One Medusa event, two template events: the loader (workflows/context/auth.ts)
 * picks .customer or .user by the payload's actor_type. No resend: the token
 * is a secret that has expired by then; the customer requests a new one.
 */
export const PASSWORD_RESET_MAILS = defineMailEvent({
  family: "auth",
  medusa_events: { "auth.password_reset": {} },
  template_events: [
    {
      name: "auth.password_reset.customer",
      carries_secret_link: true,
      label_de: "Passwort zurücksetzen (Kunde)",
      label_en: "Password reset (customer)",
      description_de: "Wird gesendet, wenn ein Kunde ein neues Passwort anfordert; mit dem Link zur Passwortseite des Shops.",
      description_en: "Sent when a customer requests a new password, with the link to the storefront's password page.",
      resource_type: "customer",
      sample_context: SAMPLE_CUSTOMER_RESET_CONTEXT,
      shipped: CUSTOMER_PASSWORD_RESET_TEMPLATES,
    },
    {
      name: "auth.password_reset.user",
      carries_secret_link: true,
      label_de: "Passwort zurücksetzen (Admin-Benutzer)",
      label_en: "Password reset (admin user)",
      description_de: "Wird gesendet, wenn ein Admin-Benutzer ein neues Passwort anfordert; mit dem Link in den Admin-Bereich.",
      description_en: "Sent when an admin user requests a new password, with the link into the admin.",
      resource_type: "user",
      sample_context: SAMPLE_USER_RESET_CONTEXT,
      shipped: USER_PASSWORD_RESET_TEMPLATES,
    },
  ],
})
