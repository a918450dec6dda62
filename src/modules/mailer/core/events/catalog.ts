import { SAMPLE_ORDER_CONTEXT } from "./sample-data"

export interface EventDescriptor {
  name: string
  label_de: string
  label_en: string
  description_de: string
  description_en: string
  /** What the mail is about, stored on the log row (e.g. "order"). */
  resource_type: string
  sample_context: Record<string, unknown>
}

/** Every event the plugin sends mail for, in the order the admin lists them. */
export const EVENT_CATALOG: EventDescriptor[] = [
  {
    name: "order.placed",
    label_de: "Bestellbestätigung",
    label_en: "Order confirmation",
    description_de: "Wird gesendet, sobald ein Kunde eine Bestellung aufgegeben hat.",
    description_en: "Sent as soon as a customer has placed an order.",
    resource_type: "order",
    sample_context: SAMPLE_ORDER_CONTEXT,
  },
]

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
