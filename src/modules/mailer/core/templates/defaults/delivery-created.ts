import type { ShippedTemplates } from "../types"
import { CLOSING, heading, linesTable, salutation } from "./partials"

export const DELIVERY_CREATED_TEMPLATES: ShippedTemplates = {
  de: {
    subject: "Ihre Bestellung Nr. {{order.display_id}} wurde zugestellt – {{store.name}}",
    body_html: `${heading("Ihre Bestellung ist angekommen")}
${salutation("de")}
<p>Ihre Bestellung Nr. <strong>{{order.display_id}}</strong> wurde {{#if shipment.delivered_at}}am {{date shipment.delivered_at "long"}} {{/if}}zugestellt. Wir wünschen Ihnen viel Freude damit!</p>
${linesTable("shipment.items", { item: "Artikel", quantity: "Menge" })}
<p>Ist die Sendung nicht bei Ihnen angekommen oder stimmt etwas nicht? Antworten Sie bitte auf diese E-Mail – wir kümmern uns umgehend darum.</p>
${CLOSING}`,
  },
  en: {
    subject: "Your order #{{order.display_id}} has been delivered – {{store.name}}",
    body_html: `${heading("Your order has arrived")}
${salutation("en")}
<p>your order #<strong>{{order.display_id}}</strong> was delivered{{#if shipment.delivered_at}} on {{date shipment.delivered_at "long"}}{{/if}}. We hope you enjoy it!</p>
${linesTable("shipment.items", { item: "Item", quantity: "Qty" })}
<p>Has the parcel not reached you, or is something wrong? Please reply to this e-mail and we will take care of it right away.</p>
${CLOSING}`,
  },
}
