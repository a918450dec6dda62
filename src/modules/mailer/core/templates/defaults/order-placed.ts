import type { ShippedTemplates } from "../types"
import { addressColumns, CLOSING, itemTable, totalsTable } from "./partials"

export const ORDER_PLACED_TEMPLATES: ShippedTemplates = {
  de: {
    subject: "Bestellbestätigung Nr. {{order.display_id}} – {{store.name}}",
    body_html: `<h1 style="font-size:20px;margin:0 0 16px">Vielen Dank für Ihre Bestellung!</h1>
<p>{{#if customer_name}}Hallo {{customer_name}},{{else}}Guten Tag,{{/if}}</p>
<p>wir haben Ihre Bestellung Nr. <strong>{{order.display_id}}</strong> vom {{date order.created_at "long"}} erhalten und bearbeiten sie jetzt. Sobald sie unterwegs ist, senden wir Ihnen eine Versandbestätigung.</p>
${itemTable({ item: "Artikel", quantity: "Menge", price: "Einzelpreis", total: "Summe" })}
${totalsTable({ subtotal: "Zwischensumme", shipping: "Versand", discount: "Rabatt", tax: "enthaltene MwSt.", total: "Gesamtsumme" })}
{{#if order.shipping_methods}}<p><strong>Versandart:</strong> {{#each order.shipping_methods}}{{name}}{{#unless @last}}, {{/unless}}{{/each}}</p>{{/if}}
${addressColumns("Lieferadresse", "Rechnungsadresse")}
<p>Bei Fragen zu Ihrer Bestellung antworten Sie einfach auf diese E-Mail.</p>
${CLOSING}`,
  },
  en: {
    subject: "Order confirmation #{{order.display_id}} – {{store.name}}",
    body_html: `<h1 style="font-size:20px;margin:0 0 16px">Thank you for your order!</h1>
<p>{{#if customer_name}}Hello {{customer_name}},{{else}}Hello,{{/if}}</p>
<p>we have received your order #<strong>{{order.display_id}}</strong> of {{date order.created_at "long"}} and are now processing it. We will send you a shipping confirmation as soon as it is on its way.</p>
${itemTable({ item: "Item", quantity: "Qty", price: "Price", total: "Total" })}
${totalsTable({ subtotal: "Subtotal", shipping: "Shipping", discount: "Discount", tax: "Included tax", total: "Total" })}
{{#if order.shipping_methods}}<p><strong>Shipping method:</strong> {{#each order.shipping_methods}}{{name}}{{#unless @last}}, {{/unless}}{{/each}}</p>{{/if}}
${addressColumns("Shipping address", "Billing address")}
<p>If you have any questions about your order, simply reply to this e-mail.</p>
${CLOSING}`,
  },
}
