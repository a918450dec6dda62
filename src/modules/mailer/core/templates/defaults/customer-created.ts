import type { ShippedTemplates } from "../types"
import { button, CLOSING, heading, salutation } from "./partials"

export const CUSTOMER_CREATED_TEMPLATES: ShippedTemplates = {
  de: {
    subject: "Willkommen bei {{store.name}}",
    body_html: `${heading("Willkommen bei {{store.name}}!")}
${salutation("de")}
<p>vielen Dank für Ihre Registrierung. Ihr Kundenkonto ist eingerichtet: Melden Sie sich künftig mit Ihrer E-Mail-Adresse <strong>{{customer.email}}</strong> an, um Ihre Bestellungen zu verfolgen, Adressen zu speichern und schneller zu bestellen.</p>
{{#if account_url}}${button("account_url", "Zu meinem Kundenkonto", "Falls der Button nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:")}{{/if}}
<p>Wir freuen uns auf Ihren Besuch. Bei Fragen antworten Sie einfach auf diese E-Mail.</p>
${CLOSING}`,
  },
  en: {
    subject: "Welcome to {{store.name}}",
    body_html: `${heading("Welcome to {{store.name}}!")}
${salutation("en")}
<p>thank you for signing up. Your customer account is ready: sign in with your e-mail address <strong>{{customer.email}}</strong> to track your orders, save addresses and check out faster.</p>
{{#if account_url}}${button("account_url", "Go to my account", "If the button does not work, copy this link into your browser:")}{{/if}}
<p>We look forward to your visit. If you have any questions, simply reply to this e-mail.</p>
${CLOSING}`,
  },
}
