import { SAMPLE_ORDER_CONTEXT } from "./sample-data"
import {
  SAMPLE_CUSTOMER_CREATED_CONTEXT,
  SAMPLE_CUSTOMER_RESET_CONTEXT,
  SAMPLE_INVITE_CONTEXT,
  SAMPLE_USER_RESET_CONTEXT,
} from "./sample-data-accounts"
import {
  SAMPLE_CANCELED_CONTEXT,
  SAMPLE_CLAIM_CONTEXT,
  SAMPLE_DELIVERY_CONTEXT,
  SAMPLE_EXCHANGE_CONTEXT,
  SAMPLE_REFUND_CONTEXT,
  SAMPLE_RETURN_RECEIVED_CONTEXT,
  SAMPLE_RETURN_REQUESTED_CONTEXT,
  SAMPLE_SHIPMENT_CONTEXT,
} from "./sample-data-orders"

export interface EventDescriptor {
  /** The template event: what templates, settings.enabled_events and the log's event_name use. */
  name: string
  /** The Medusa event that triggers it, when different (auth.password_reset → .customer / .user). */
  medusa_event?: string
  label_de: string
  label_en: string
  description_de: string
  description_en: string
  /** What the mail is about, stored on the log row (e.g. "order"). */
  resource_type: string
  sample_context: Record<string, unknown>
  /**
   * The mail carries a one-time secret (reset or invitation token): its body
   * is removed from the log once it was sent or finally failed, and it cannot
   * be resent (the customer requests a new one).
   */
  carries_secret_link?: boolean
}

type Entry = Omit<EventDescriptor, "description_de" | "description_en"> & { de: string; en: string }

function entry({ de, en, ...rest }: Entry): EventDescriptor {
  return { ...rest, description_de: de, description_en: en }
}

/** Every event the plugin sends mail for, in the order the admin lists them. */
export const EVENT_CATALOG: EventDescriptor[] = [
  entry({
    name: "order.placed",
    label_de: "Bestellbestätigung",
    label_en: "Order confirmation",
    de: "Wird gesendet, sobald ein Kunde eine Bestellung aufgegeben hat.",
    en: "Sent as soon as a customer has placed an order.",
    resource_type: "order",
    sample_context: SAMPLE_ORDER_CONTEXT,
  }),
  entry({
    name: "order.canceled",
    label_de: "Stornierung",
    label_en: "Order cancellation",
    de: "Wird gesendet, wenn eine Bestellung storniert wurde.",
    en: "Sent when an order has been canceled.",
    resource_type: "order",
    sample_context: SAMPLE_CANCELED_CONTEXT,
  }),
  entry({
    name: "shipment.created",
    label_de: "Versandbestätigung",
    label_en: "Shipping confirmation",
    de: "Wird gesendet, wenn eine Lieferung als versendet markiert wurde; mit Versandart, Sendungsnummern und Links zur Sendungsverfolgung. Nicht bei „Kunden nicht benachrichtigen“.",
    en: "Sent when a fulfillment is marked as shipped, with carrier, tracking numbers and tracking links. Not when \"notify customer\" is off.",
    resource_type: "order",
    sample_context: SAMPLE_SHIPMENT_CONTEXT,
  }),
  entry({
    name: "delivery.created",
    label_de: "Zustellung",
    label_en: "Delivery confirmation",
    de: "Wird gesendet, wenn eine Lieferung als zugestellt markiert wurde.",
    en: "Sent when a fulfillment is marked as delivered.",
    resource_type: "order",
    sample_context: SAMPLE_DELIVERY_CONTEXT,
  }),
  entry({
    name: "order.return_requested",
    label_de: "Retoure angemeldet",
    label_en: "Return registered",
    de: "Wird gesendet, wenn eine Retoure angelegt und bestätigt wurde; mit den zurückzusendenden Artikeln.",
    en: "Sent when a return has been requested and confirmed, listing the items to send back.",
    resource_type: "order",
    sample_context: SAMPLE_RETURN_REQUESTED_CONTEXT,
  }),
  entry({
    name: "order.return_received",
    label_de: "Retoure erhalten",
    label_en: "Return received",
    de: "Wird gesendet, wenn die Rücksendung im Lager angenommen wurde.",
    en: "Sent when the returned items have been received.",
    resource_type: "order",
    sample_context: SAMPLE_RETURN_RECEIVED_CONTEXT,
  }),
  entry({
    name: "order.claim_created",
    label_de: "Reklamation",
    label_en: "Claim",
    de: "Wird gesendet, wenn eine Reklamation bestätigt wurde; mit reklamierten Artikeln und Ersatz oder Erstattung.",
    en: "Sent when a claim has been confirmed, with the claimed items and the replacement or refund.",
    resource_type: "order",
    sample_context: SAMPLE_CLAIM_CONTEXT,
  }),
  entry({
    name: "order.exchange_created",
    label_de: "Umtausch",
    label_en: "Exchange",
    de: "Wird gesendet, wenn ein Umtausch bestätigt wurde; mit Rücksendung, neuen Artikeln und Differenzbetrag.",
    en: "Sent when an exchange has been confirmed, with the items to return, the new items and any difference.",
    resource_type: "order",
    sample_context: SAMPLE_EXCHANGE_CONTEXT,
  }),
  entry({
    name: "payment.refunded",
    label_de: "Erstattung",
    label_en: "Refund",
    de: "Wird gesendet, wenn eine Zahlung (teilweise) erstattet wurde; mit dem erstatteten Betrag.",
    en: "Sent when a payment has been (partially) refunded, with the refunded amount.",
    resource_type: "order",
    sample_context: SAMPLE_REFUND_CONTEXT,
  }),
  entry({
    name: "customer.created",
    label_de: "Willkommen",
    label_en: "Welcome",
    de: "Wird gesendet, wenn sich ein Kunde registriert hat (nur Kunden mit Kundenkonto).",
    en: "Sent when a customer has signed up (only customers with an account).",
    resource_type: "customer",
    sample_context: SAMPLE_CUSTOMER_CREATED_CONTEXT,
  }),
  entry({
    name: "auth.password_reset.customer",
    carries_secret_link: true,
    medusa_event: "auth.password_reset",
    label_de: "Passwort zurücksetzen (Kunde)",
    label_en: "Password reset (customer)",
    de: "Wird gesendet, wenn ein Kunde ein neues Passwort anfordert; mit dem Link zur Passwortseite des Shops.",
    en: "Sent when a customer requests a new password, with the link to the storefront's password page.",
    resource_type: "customer",
    sample_context: SAMPLE_CUSTOMER_RESET_CONTEXT,
  }),
  entry({
    name: "auth.password_reset.user",
    carries_secret_link: true,
    medusa_event: "auth.password_reset",
    label_de: "Passwort zurücksetzen (Admin-Benutzer)",
    label_en: "Password reset (admin user)",
    de: "Wird gesendet, wenn ein Admin-Benutzer ein neues Passwort anfordert; mit dem Link in den Admin-Bereich.",
    en: "Sent when an admin user requests a new password, with the link into the admin.",
    resource_type: "user",
    sample_context: SAMPLE_USER_RESET_CONTEXT,
  }),
  entry({
    name: "invite.created",
    carries_secret_link: true,
    label_de: "Einladung in den Admin-Bereich",
    label_en: "Admin invitation",
    de: "Wird gesendet, wenn jemand in den Admin-Bereich eingeladen oder die Einladung erneut gesendet wurde; mit dem Link zum Annehmen der Einladung.",
    en: "Sent when someone has been invited to the admin, or the invitation is resent, with the link to accept it.",
    resource_type: "invite",
    sample_context: SAMPLE_INVITE_CONTEXT,
  }),
]

export function carriesSecretLink(eventName: string): boolean {
  return Boolean(findEvent(eventName)?.carries_secret_link)
}

export function findEvent(name: string): EventDescriptor | undefined {
  return EVENT_CATALOG.find((e) => e.name === name)
}

export interface VariableDescription {
  path: string
  sample: string
}

/** Flattens a sample context into "order.display_id = 1042" pairs for the admin's variable list. */
export function describeVariables(context: Record<string, unknown>, prefix = ""): VariableDescription[] {
  const out: VariableDescription[] = []
  for (const [key, value] of Object.entries(context)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (Array.isArray(value)) {
      out.push({ path, sample: `[${value.length}]` })
      if (value[0] && typeof value[0] === "object") {
        out.push(...describeVariables(value[0] as Record<string, unknown>, `${path}.[]`))
      }
    } else if (value && typeof value === "object") {
      out.push(...describeVariables(value as Record<string, unknown>, path))
    } else {
      out.push({ path, sample: value === null || value === undefined ? "" : String(value) })
    }
  }
  return out
}
