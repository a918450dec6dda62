import type { ShippedTemplates } from "../types"
import { button, CLOSING, heading, salutation } from "./partials"

const VALID_DE = `{{#if link_valid_minutes}}Der Link ist aus Sicherheitsgründen nur {{link_valid_minutes}} Minuten gültig. {{/if}}`
const VALID_EN = `{{#if link_valid_minutes}}For your security, the link is valid for {{link_valid_minutes}} minutes only. {{/if}}`
const FALLBACK_DE = "Falls der Button nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:"
const FALLBACK_EN = "If the button does not work, copy this link into your browser:"

/** auth.password_reset for a customer: the link leads to the storefront. */
export const CUSTOMER_PASSWORD_RESET_TEMPLATES: ShippedTemplates = {
  de: {
    subject: "Ihr neues Passwort für {{store.name}}",
    body_html: `${heading("Passwort zurücksetzen")}
${salutation("de")}
<p>wir haben eine Anfrage erhalten, das Passwort für Ihr Kundenkonto <strong>{{email}}</strong> zurückzusetzen. Über den folgenden Button legen Sie ein neues Passwort fest:</p>
${button("reset_url", "Neues Passwort festlegen", FALLBACK_DE)}
<p>${VALID_DE}Haben Sie diese Anfrage nicht gestellt, können Sie diese E-Mail ignorieren – Ihr bisheriges Passwort bleibt gültig.</p>
${CLOSING}`,
  },
  en: {
    subject: "Reset your password for {{store.name}}",
    body_html: `${heading("Reset your password")}
${salutation("en")}
<p>we received a request to reset the password of your customer account <strong>{{email}}</strong>. Use the button below to choose a new password:</p>
${button("reset_url", "Choose a new password", FALLBACK_EN)}
<p>${VALID_EN}If you did not make this request, you can ignore this e-mail – your current password stays valid.</p>
${CLOSING}`,
  },
}

/** auth.password_reset for an admin user: the link leads to the Medusa admin. */
export const USER_PASSWORD_RESET_TEMPLATES: ShippedTemplates = {
  de: {
    subject: "Passwort für den Admin-Bereich von {{store.name}} zurücksetzen",
    body_html: `${heading("Admin-Passwort zurücksetzen")}
${salutation("de", "user_name")}
<p>für Ihren Zugang <strong>{{email}}</strong> zum Admin-Bereich von {{store.name}} wurde ein neues Passwort angefordert. Über den folgenden Button legen Sie es fest:</p>
${button("reset_url", "Neues Passwort festlegen", FALLBACK_DE)}
<p>${VALID_DE}Haben Sie das nicht angefordert, ignorieren Sie diese E-Mail und informieren Sie bitte Ihre Administratorin oder Ihren Administrator.</p>
${CLOSING}`,
  },
  en: {
    subject: "Reset your admin password for {{store.name}}",
    body_html: `${heading("Reset your admin password")}
${salutation("en", "user_name")}
<p>a new password was requested for your admin access <strong>{{email}}</strong> to {{store.name}}. Use the button below to set it:</p>
${button("reset_url", "Choose a new password", FALLBACK_EN)}
<p>${VALID_EN}If you did not request this, ignore this e-mail and let your administrator know.</p>
${CLOSING}`,
  },
}
