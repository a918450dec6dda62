import type { TemplateEventDefinition } from "./define"
import { MAIL_EVENTS } from "./definitions"

/** What the admin, the API and delivery know about a template event: its definition without templates and resend rule. */
export type EventDescriptor = Omit<TemplateEventDefinition, "shipped" | "resend"> & {
  /** The Medusa event that triggers it, when different (auth.password_reset → .customer / .user). */
  medusa_event?: string
}

function descriptorOf(template: TemplateEventDefinition, medusaEvents: string[]): EventDescriptor {
  const { shipped: _shipped, resend: _resend, ...described } = template
  return medusaEvents.includes(template.name) ? described : { ...described, medusa_event: medusaEvents[0] }
}

/** Every event the plugin sends mail for, in the order the admin lists them (derived from definitions/). */
export const EVENT_CATALOG: EventDescriptor[] = MAIL_EVENTS.flatMap((definition) =>
  definition.template_events.map((template) => descriptorOf(template, Object.keys(definition.medusa_events)))
)

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
