import type { ShippedTemplates } from "../types"
import { CLOSING, heading, linesTable, orderReference, salutation } from "./partials"

export const CLAIM_CREATED_TEMPLATES: ShippedTemplates = {
  de: {
    subject: "Ihre Reklamation zur Bestellung Nr. {{order.display_id}} – {{store.name}}",
    body_html: `${heading("Ihre Reklamation ist bei uns eingegangen")}
${salutation("de")}
<p>wir haben Ihre Reklamation{{#if claim.display_id}} (Nr. {{claim.display_id}}){{/if}} zur ${orderReference("de")} aufgenommen. Es tut uns leid, dass nicht alles in Ordnung war. Reklamiert wurden:</p>
${linesTable("claim.claimed_items", { item: "Artikel", quantity: "Menge" })}
{{#if (eq claim.type "replace")}}<p>Wir senden Ihnen kostenlos Ersatz:</p>
${linesTable("claim.new_items", { item: "Artikel", quantity: "Menge" })}{{else}}<p>Wir erstatten Ihnen {{#if claim.refund_amount}}<strong>{{money claim.refund_amount order.currency_code}}</strong> {{/if}}über die ursprüngliche Zahlungsart.</p>{{/if}}
{{#if claim.return_items}}<p>Bitte senden Sie die reklamierten Artikel an uns zurück; die Kosten der Rücksendung übernehmen wir.</p>{{/if}}
<p>Bei Fragen antworten Sie einfach auf diese E-Mail.</p>
${CLOSING}`,
  },
  en: {
    subject: "Your claim for order #{{order.display_id}} – {{store.name}}",
    body_html: `${heading("We have received your claim")}
${salutation("en")}
<p>we have registered your claim{{#if claim.display_id}} (#{{claim.display_id}}){{/if}} for your ${orderReference("en")}. We are sorry that not everything was in order. The claim covers:</p>
${linesTable("claim.claimed_items", { item: "Item", quantity: "Qty" })}
{{#if (eq claim.type "replace")}}<p>We will send you a replacement free of charge:</p>
${linesTable("claim.new_items", { item: "Item", quantity: "Qty" })}{{else}}<p>We will refund {{#if claim.refund_amount}}<strong>{{money claim.refund_amount order.currency_code}}</strong> {{/if}}to your original payment method.</p>{{/if}}
{{#if claim.return_items}}<p>Please send the claimed items back to us; we will cover the return shipping.</p>{{/if}}
<p>If you have any questions, simply reply to this e-mail.</p>
${CLOSING}`,
  },
}
