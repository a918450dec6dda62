import type { ShippedTemplates } from "../types"
import { CLOSING, heading, orderReference, salutation } from "./partials"

export const PAYMENT_REFUNDED_TEMPLATES: ShippedTemplates = {
  de: {
    subject: "Erstattung zu Ihrer Bestellung Nr. {{order.display_id}} – {{store.name}}",
    body_html: `${heading("Wir haben Ihnen Geld erstattet")}
${salutation("de")}
<p>zu Ihrer ${orderReference("de")} haben wir Ihnen <strong>{{money refund.amount refund.currency_code}}</strong> erstattet{{#if refund.reason}} (Grund: {{refund.reason}}){{/if}}.</p>
<p>Der Betrag wird über die ursprüngliche Zahlungsart gutgeschrieben. Je nach Zahlungsanbieter kann es einige Werktage dauern, bis er auf Ihrem Konto sichtbar ist.</p>
<p>Bei Fragen zur Erstattung antworten Sie einfach auf diese E-Mail.</p>
${CLOSING}`,
  },
  en: {
    subject: "Refund for your order #{{order.display_id}} – {{store.name}}",
    body_html: `${heading("We have issued a refund")}
${salutation("en")}
<p>we have refunded <strong>{{money refund.amount refund.currency_code}}</strong> for your ${orderReference("en")}{{#if refund.reason}} (reason: {{refund.reason}}){{/if}}.</p>
<p>The amount will be credited to your original payment method. Depending on your payment provider, it may take a few business days to appear on your statement.</p>
<p>If you have any questions about the refund, simply reply to this e-mail.</p>
${CLOSING}`,
  },
}
