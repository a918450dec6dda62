import { languageOf } from "../locale"
import { CLAIM_CREATED_TEMPLATES } from "./defaults/claim-created"
import { CUSTOMER_CREATED_TEMPLATES } from "./defaults/customer-created"
import { DELIVERY_CREATED_TEMPLATES } from "./defaults/delivery-created"
import { EXCHANGE_CREATED_TEMPLATES } from "./defaults/exchange-created"
import { INVITE_CREATED_TEMPLATES } from "./defaults/invite-created"
import { ORDER_CANCELED_TEMPLATES } from "./defaults/order-canceled"
import { ORDER_PLACED_TEMPLATES } from "./defaults/order-placed"
import { CUSTOMER_PASSWORD_RESET_TEMPLATES, USER_PASSWORD_RESET_TEMPLATES } from "./defaults/password-reset"
import { PAYMENT_REFUNDED_TEMPLATES } from "./defaults/payment-refunded"
import { RETURN_RECEIVED_TEMPLATES } from "./defaults/return-received"
import { RETURN_REQUESTED_TEMPLATES } from "./defaults/return-requested"
import { SHIPMENT_CREATED_TEMPLATES } from "./defaults/shipment-created"
import type { ShippedTemplates, TemplateSource } from "./types"

/**
 * A frozen copy without a prototype: event names and locales come from
 * requests (`default:<event>:<locale>`), and `SHIPPED_TEMPLATES["constructor"]`
 * must be undefined, not Object (finding 9 of security issue 8).
 */
function ownEntries<T>(record: Record<string, T>): Record<string, T> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, record))
}

/** The templates that ship with the plugin, per template event and language. */
export const SHIPPED_TEMPLATES: Record<string, ShippedTemplates> = ownTemplates({
  "order.placed": ORDER_PLACED_TEMPLATES,
  "order.canceled": ORDER_CANCELED_TEMPLATES,
  "shipment.created": SHIPMENT_CREATED_TEMPLATES,
  "delivery.created": DELIVERY_CREATED_TEMPLATES,
  "order.return_requested": RETURN_REQUESTED_TEMPLATES,
  "order.return_received": RETURN_RECEIVED_TEMPLATES,
  "order.claim_created": CLAIM_CREATED_TEMPLATES,
  "order.exchange_created": EXCHANGE_CREATED_TEMPLATES,
  "payment.refunded": PAYMENT_REFUNDED_TEMPLATES,
  "customer.created": CUSTOMER_CREATED_TEMPLATES,
  "auth.password_reset.customer": CUSTOMER_PASSWORD_RESET_TEMPLATES,
  "auth.password_reset.user": USER_PASSWORD_RESET_TEMPLATES,
  "invite.created": INVITE_CREATED_TEMPLATES,
})

function ownTemplates(byEvent: Record<string, ShippedTemplates>): Record<string, ShippedTemplates> {
  const copy: Record<string, ShippedTemplates> = {}
  for (const [event, byLanguage] of Object.entries(byEvent)) copy[event] = ownEntries(byLanguage)
  return ownEntries(copy)
}

/** The shipped default for exactly this event and language, or null. */
export function shippedSource(eventName: string, locale: string): TemplateSource | null {
  return SHIPPED_TEMPLATES[eventName]?.[locale] ?? null
}

export interface ShippedChoice {
  locale: string
  template: TemplateSource
}

/** The shipped default for an event in the wanted language, else the default language, else English. */
export function shippedTemplate(eventName: string, locale: string, defaultLocale: string): ShippedChoice | null {
  const byLanguage = SHIPPED_TEMPLATES[eventName]
  if (!byLanguage) {
    return null
  }
  for (const candidate of [languageOf(locale), languageOf(defaultLocale), "en"]) {
    if (byLanguage[candidate]) {
      return { locale: candidate, template: byLanguage[candidate] }
    }
  }
  return null
}
