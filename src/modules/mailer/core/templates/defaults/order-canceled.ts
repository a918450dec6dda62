import type { ShippedTemplates } from "../types"
import { CLOSING, heading, itemTable, orderReference, salutation } from "./partials"

export const ORDER_CANCELED_TEMPLATES: ShippedTemplates = {
  de: {
    subject: "Stornierung Ihrer Bestellung Nr. {{order.display_id}} – {{store.name}}",
    body_html: `${heading("Ihre Bestellung wurde storniert")}
${salutation("de")}
<p>hiermit bestätigen wir die Stornierung Ihrer ${orderReference("de")}. Die folgenden Artikel werden nicht versendet:</p>
${itemTable({ item: "Artikel", quantity: "Menge", price: "Einzelpreis", total: "Summe" })}
<p><strong>Gesamtbetrag der Bestellung:</strong> {{money order.total order.currency_code}}</p>
<p>Falls Sie bereits bezahlt haben, erstatten wir Ihnen den Betrag über die ursprüngliche Zahlungsart. Darüber erhalten Sie eine gesonderte Bestätigung.</p>
<p>Haben Sie Fragen zur Stornierung? Antworten Sie einfach auf diese E-Mail.</p>
${CLOSING}`,
  },
  en: {
    subject: "Cancellation of your order #{{order.display_id}} – {{store.name}}",
    body_html: `${heading("Your order has been canceled")}
${salutation("en")}
<p>we confirm that your ${orderReference("en")} has been canceled. The following items will not be shipped:</p>
${itemTable({ item: "Item", quantity: "Qty", price: "Price", total: "Total" })}
<p><strong>Order total:</strong> {{money order.total order.currency_code}}</p>
<p>If you have already paid, we will refund the amount to your original payment method. You will receive a separate confirmation for the refund.</p>
<p>If you have any questions about the cancellation, simply reply to this e-mail.</p>
${CLOSING}`,
  },
}
