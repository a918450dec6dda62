import type { MedusaContainer } from "@medusajs/framework/types"
import { MAILER_MODULE } from "../modules/mailer"
import type MailerModuleService from "../modules/mailer/service"
import { eventInboxRunner } from "../workflows/event-inbox-runner"

const PURGE_EVERY_MS = 60 * 60 * 1000
let lastPurge = 0

/**
 * Processes due events of the inbox (a failed first try after its backoff, an event whose
 * worker died), then re-delivers due messages (transient failures after their backoff, rows
 * whose worker died) and, once an hour, deletes log rows and events past their retention.
 */
export default async function mailerDrainOutbox(container: MedusaContainer) {
  const mailer = container.resolve<MailerModuleService>(MAILER_MODULE)
  const logger = container.resolve("logger")
  // An inbox failure (a bug, the database) must not keep the outbox from sending what it holds.
  const events = await mailer.drainEvents(eventInboxRunner(container)).catch((err) => {
    logger.warn(`medusa-plugin-mailer: inbox run failed: ${err?.message}`)
    return []
  })
  if (events.length) {
    const done = events.filter((e) => e.status === "done").length
    logger.info(`medusa-plugin-mailer: inbox run processed ${done} of ${events.length} due events`)
  }
  const results = await mailer.drainOutbox()
  if (results.length) {
    const sent = results.filter((r) => r.status === "sent").length
    logger.info(`medusa-plugin-mailer: outbox run delivered ${sent} of ${results.length} due mails`)
  }
  if (Date.now() - lastPurge > PURGE_EVERY_MS) {
    lastPurge = Date.now()
    const purged = await mailer.purgeExpiredMessages()
    await mailer.purgeExpiredEvents()
    if (purged) {
      logger.info(`medusa-plugin-mailer: deleted ${purged} log entries past their retention`)
    }
  }
}

/**
 * Once a minute by default. MAILER_OUTBOX_INTERVAL_MS (milliseconds, at least 1000) runs it
 * more often, for tests and for shops that want retries picked up sooner: Medusa's workflow
 * engines (in-memory and Redis) take `{ interval }` in place of a cron expression.
 */
export const config = {
  name: "mailer-drain-outbox",
  schedule: outboxSchedule(process.env.MAILER_OUTBOX_INTERVAL_MS),
}

function outboxSchedule(intervalMs: string | undefined): string | { interval: number } {
  const interval = Number(intervalMs)
  return intervalMs && Number.isFinite(interval) && interval >= 1000 ? { interval: Math.floor(interval) } : "* * * * *"
}
