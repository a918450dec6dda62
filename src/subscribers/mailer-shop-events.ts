import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { HANDLED_EVENTS } from "../workflows/context/registry"
import { MAILER_MODULE } from "../modules/mailer"
import type MailerModuleService from "../modules/mailer/service"
import { eventInboxRunner } from "../workflows/event-inbox-runner"

/**
 * Every shop event the plugin mails for: first recorded in the event inbox (one INSERT, before
 * anything can fail; Medusa's event buses do not retry a subscriber), then processed by the
 * send workflow. A failure is retried by the outbox job (src/modules/mailer/inbox/); only when
 * even the INSERT fails does the error go back to the event bus, the one left that may retry.
 */
export default async function mailerShopEvents({ event, container }: SubscriberArgs<Record<string, unknown>>) {
  const mailer = container.resolve<MailerModuleService>(MAILER_MODULE)
  const recorded = await mailer.recordEvent(event.name, event.data)
  const outcome = await mailer.processEvent(recorded, eventInboxRunner(container))
  if (outcome.status === "pending" || outcome.status === "failed") {
    container.resolve("logger").warn(`medusa-plugin-mailer: ${event.name} (${recorded.id}) not mailed yet: ${outcome.error_code}, ${outcome.status}`)
  }
}

export const config: SubscriberConfig = {
  event: HANDLED_EVENTS,
  context: { subscriberId: "mailer-shop-events" },
}
