import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { HANDLED_EVENTS } from "../workflows/context/registry"
import { sendEventEmailWorkflow } from "../workflows/send-event-email"

/** Hands every shop event the plugin mails for to the send workflow, ids only. */
export default async function mailerShopEvents({ event, container }: SubscriberArgs<Record<string, unknown>>) {
  try {
    await sendEventEmailWorkflow(container).run({ input: { event_name: event.name, data: event.data } })
  } catch (err) {
    container.resolve("logger").error(`medusa-plugin-mailer: ${event.name} could not be mailed: ${(err as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: HANDLED_EVENTS,
  context: { subscriberId: "mailer-shop-events" },
}
