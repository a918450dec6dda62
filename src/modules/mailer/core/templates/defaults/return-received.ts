import type { ShippedTemplates } from "../types"
import { CLOSING, heading, linesTable, orderReference, salutation } from "./partials"

export const RETURN_RECEIVED_TEMPLATES: ShippedTemplates = {
  de: {
    subject: "Ihre Rücksendung ist bei uns eingegangen – Bestellung Nr. {{order.display_id}}",
    body_html: `${heading("Ihre Rücksendung ist eingetroffen")}
${salutation("de")}
<p>Ihre Rücksendung{{#if return.display_id}} (Retoure Nr. {{return.display_id}}){{/if}} zur ${orderReference("de")} ist bei uns eingegangen. Erhalten haben wir:</p>
${linesTable("return.received_items", { item: "Artikel", quantity: "Menge" })}
<p>{{#if return.refund_amount}}Den Betrag von <strong>{{money return.refund_amount order.currency_code}}</strong> erstatten wir Ihnen über die ursprüngliche Zahlungsart.{{else}}Eine Erstattung veranlassen wir in Kürze über die ursprüngliche Zahlungsart.{{/if}} Darüber erhalten Sie eine gesonderte Bestätigung.</p>
<p>Vielen Dank für Ihre Geduld!</p>
${CLOSING}`,
  },
  en: {
    subject: "We have received your return – order #{{order.display_id}}",
    body_html: `${heading("Your return has arrived")}
${salutation("en")}
<p>your return{{#if return.display_id}} (return #{{return.display_id}}){{/if}} for your ${orderReference("en")} has arrived. We received:</p>
${linesTable("return.received_items", { item: "Item", quantity: "Qty" })}
<p>{{#if return.refund_amount}}We will refund <strong>{{money return.refund_amount order.currency_code}}</strong> to your original payment method.{{else}}We will arrange any refund to your original payment method shortly.{{/if}} You will receive a separate confirmation.</p>
<p>Thank you for your patience!</p>
${CLOSING}`,
  },
}
