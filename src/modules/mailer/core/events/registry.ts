import { MAIL_EVENTS } from "./definitions"
import type { ContextLoader } from "./types"

/**
 * `no_notification: true` in the payload (fulfillment, shipment, delivery and
 * order-edit events carry it) means "do not tell the customer": the mail is
 * logged as skipped. Definitions mark the events whose payload has it.
 * Returns, claims and exchanges carry the flag on the entity instead; their
 * loaders read it there.
 */
export function honourNoNotification(loader: ContextLoader): ContextLoader {
  return async (input, deps) => {
    const loaded = await loader(input, deps)
    if (input.data?.no_notification === true && !loaded.skip_reason) {
      return { ...loaded, skip_reason: "NO_NOTIFICATION" }
    }
    return loaded
  }
}

/** Which loader builds the context of which Medusa event (also used by resends); derived from the definitions. */
export const CONTEXT_LOADERS: Readonly<Record<string, ContextLoader>> = Object.fromEntries(
  MAIL_EVENTS.flatMap((definition) =>
    Object.entries(definition.medusa_events).map(([event, { load, honours_no_notification }]) => [
      event,
      honours_no_notification ? honourNoNotification(load) : load,
    ])
  )
)

/** The events the subscriber listens to. */
export const HANDLED_EVENTS: string[] = Object.keys(CONTEXT_LOADERS)

/** The loader of a Medusa event the plugin mails for, or undefined (own keys only). */
export function contextLoaderFor(eventName: string): ContextLoader | undefined {
  return Object.prototype.hasOwnProperty.call(CONTEXT_LOADERS, eventName) ? CONTEXT_LOADERS[eventName] : undefined
}
