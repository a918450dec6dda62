import { PAYMENT_REFUNDED_TEMPLATES } from "../../templates/defaults/payment-refunded"
import { byOccurrence, defineMailEvent } from "../define"
import { SAMPLE_REFUND_CONTEXT } from "../sample-data-orders"

/** A payment refunded: payload `{ id }` of the payment (the refund is looked up). Loader: workflows/context/payment.ts. */
export const PAYMENT_MAILS = defineMailEvent({
  family: "payment",
  medusa_events: { "payment.refunded": {} },
  template_events: [
    {
      name: "payment.refunded",
      label_de: "Erstattung",
      label_en: "Refund",
      description_de: "Wird gesendet, wenn eine Zahlung (teilweise) erstattet wurde; mit dem erstatteten Betrag.",
      description_en: "Sent when a payment has been (partially) refunded, with the refunded amount.",
      resource_type: "order",
      sample_context: SAMPLE_REFUND_CONTEXT,
      shipped: PAYMENT_REFUNDED_TEMPLATES,
      resend: byOccurrence(({ occurrence }) => ({ refund_id: occurrence })),
    },
  ],
})
