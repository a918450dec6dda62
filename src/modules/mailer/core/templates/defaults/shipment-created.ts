import type { ShippedTemplates } from "../types"
import { CLOSING, heading, linesTable, salutation } from "./partials"

/** Tracking numbers, linked where the carrier gave a tracking URL. */
function tracking(label: string): string {
  return `{{#if shipment.tracking_links}}<p><strong>${label}</strong></p>
<ul style="margin:0 0 16px;padding-left:20px">{{#each shipment.tracking_links}}<li>{{#if url}}<a href="{{url}}">{{number}}</a>{{else}}{{number}}{{/if}}</li>{{/each}}</ul>{{/if}}`
}

export const SHIPMENT_CREATED_TEMPLATES: ShippedTemplates = {
  de: {
    subject: "Ihre Bestellung Nr. {{order.display_id}} ist unterwegs – {{store.name}}",
    body_html: `${heading("Ihre Bestellung ist unterwegs")}
${salutation("de")}
<p>gute Nachrichten: Ihre Bestellung Nr. <strong>{{order.display_id}}</strong> hat unser Lager verlassen{{#if shipment.carrier}} und ist mit <strong>{{shipment.carrier}}</strong> zu Ihnen unterwegs{{/if}}.</p>
${tracking("Sendungsverfolgung:")}
{{#if shipment.tracking_links}}<p>Über den Link können Sie den Weg Ihres Pakets verfolgen. Es kann einige Stunden dauern, bis die Sendung dort angezeigt wird.</p>{{/if}}
<p><strong>In dieser Sendung:</strong></p>
${linesTable("shipment.items", { item: "Artikel", quantity: "Menge" })}
<p><strong>Lieferadresse</strong><br>{{address order.shipping_address}}</p>
<p>Bei Fragen zu Ihrer Lieferung antworten Sie einfach auf diese E-Mail.</p>
${CLOSING}`,
  },
  en: {
    subject: "Your order #{{order.display_id}} is on its way – {{store.name}}",
    body_html: `${heading("Your order is on its way")}
${salutation("en")}
<p>good news: your order #<strong>{{order.display_id}}</strong> has left our warehouse{{#if shipment.carrier}} and is on its way to you with <strong>{{shipment.carrier}}</strong>{{/if}}.</p>
${tracking("Track your parcel:")}
{{#if shipment.tracking_links}}<p>Follow the link to see where your parcel is. It may take a few hours until the carrier shows the shipment.</p>{{/if}}
<p><strong>In this shipment:</strong></p>
${linesTable("shipment.items", { item: "Item", quantity: "Qty" })}
<p><strong>Delivery address</strong><br>{{address order.shipping_address}}</p>
<p>If you have any questions about your delivery, simply reply to this e-mail.</p>
${CLOSING}`,
  },
}
