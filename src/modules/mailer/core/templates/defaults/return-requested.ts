import type { ShippedTemplates } from "../types"
import { CLOSING, heading, linesTable, orderReference, salutation } from "./partials"

export const RETURN_REQUESTED_TEMPLATES: ShippedTemplates = {
  de: {
    subject: "Ihre Retoure zur Bestellung Nr. {{order.display_id}} – {{store.name}}",
    body_html: `${heading("Ihre Retoure ist angemeldet")}
${salutation("de")}
<p>wir haben Ihre Rücksendung{{#if return.display_id}} (Retoure Nr. {{return.display_id}}){{/if}} zur ${orderReference("de")} registriert. Angemeldet sind folgende Artikel:</p>
${linesTable("return.items", { item: "Artikel", quantity: "Menge" })}
<p>Bitte senden Sie die Artikel gut verpackt an uns zurück. Sobald die Rücksendung bei uns eingetroffen ist, erhalten Sie eine Bestätigung{{#if return.refund_amount}}, und wir erstatten Ihnen {{money return.refund_amount order.currency_code}}{{/if}}.</p>
<p>Bei Fragen zu Ihrer Retoure antworten Sie einfach auf diese E-Mail.</p>
${CLOSING}`,
  },
  en: {
    subject: "Your return for order #{{order.display_id}} – {{store.name}}",
    body_html: `${heading("Your return has been registered")}
${salutation("en")}
<p>we have registered your return{{#if return.display_id}} (return #{{return.display_id}}){{/if}} for your ${orderReference("en")}. The following items are included:</p>
${linesTable("return.items", { item: "Item", quantity: "Qty" })}
<p>Please pack the items securely and send them back to us. As soon as they have arrived, you will receive a confirmation{{#if return.refund_amount}} and we will refund {{money return.refund_amount order.currency_code}}{{/if}}.</p>
<p>If you have any questions about your return, simply reply to this e-mail.</p>
${CLOSING}`,
  },
}
