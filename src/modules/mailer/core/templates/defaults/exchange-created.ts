import type { ShippedTemplates } from "../types"
import { CLOSING, heading, linesTable, orderReference, salutation } from "./partials"

export const EXCHANGE_CREATED_TEMPLATES: ShippedTemplates = {
  de: {
    subject: "Ihr Umtausch zur Bestellung Nr. {{order.display_id}} – {{store.name}}",
    body_html: `${heading("Ihr Umtausch ist bestätigt")}
${salutation("de")}
<p>wir haben Ihren Umtausch{{#if exchange.display_id}} (Nr. {{exchange.display_id}}){{/if}} zur ${orderReference("de")} bestätigt.</p>
{{#if exchange.return_items}}<p><strong>Bitte senden Sie uns zurück:</strong></p>
${linesTable("exchange.return_items", { item: "Artikel", quantity: "Menge" })}{{/if}}
{{#if exchange.new_items}}<p><strong>Sie erhalten dafür:</strong></p>
${linesTable("exchange.new_items", { item: "Artikel", quantity: "Menge" })}{{/if}}
{{#if (gt exchange.difference_due 0)}}<p>Für den Umtausch ergibt sich ein Differenzbetrag von <strong>{{money exchange.difference_due order.currency_code}}</strong>, den wir Ihnen in Rechnung stellen.</p>{{/if}}
{{#if (lt exchange.difference_due 0)}}<p>Die Differenz von <strong>{{money (multiply exchange.difference_due -1) order.currency_code}}</strong> erstatten wir Ihnen über die ursprüngliche Zahlungsart.</p>{{/if}}
<p>Bei Fragen zu Ihrem Umtausch antworten Sie einfach auf diese E-Mail.</p>
${CLOSING}`,
  },
  en: {
    subject: "Your exchange for order #{{order.display_id}} – {{store.name}}",
    body_html: `${heading("Your exchange is confirmed")}
${salutation("en")}
<p>we have confirmed your exchange{{#if exchange.display_id}} (#{{exchange.display_id}}){{/if}} for your ${orderReference("en")}.</p>
{{#if exchange.return_items}}<p><strong>Please send back:</strong></p>
${linesTable("exchange.return_items", { item: "Item", quantity: "Qty" })}{{/if}}
{{#if exchange.new_items}}<p><strong>You will receive:</strong></p>
${linesTable("exchange.new_items", { item: "Item", quantity: "Qty" })}{{/if}}
{{#if (gt exchange.difference_due 0)}}<p>The exchange leaves a difference of <strong>{{money exchange.difference_due order.currency_code}}</strong>, which we will charge to you.</p>{{/if}}
{{#if (lt exchange.difference_due 0)}}<p>We will refund the difference of <strong>{{money (multiply exchange.difference_due -1) order.currency_code}}</strong> to your original payment method.</p>{{/if}}
<p>If you have any questions about your exchange, simply reply to this e-mail.</p>
${CLOSING}`,
  },
}
