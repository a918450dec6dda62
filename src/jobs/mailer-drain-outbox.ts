import type { MedusaContainer } from "@medusajs/framework/types"
import { MAILER_MODULE } from "../modules/mailer"
import type MailerModuleService from "../modules/mailer/service"

const PURGE_EVERY_MS = 60 * 60 * 1000
let lastPurge = 0

/**
 * Re-delivers due messages (transient failures after their backoff, rows whose
 * worker died) and, once an hour, deletes log rows past their retention.
 */
export default async function mailerDrainOutbox(container: MedusaContainer) {
  const mailer = container.resolve<MailerModuleService>(MAILER_MODULE)
  const logger = container.resolve("logger")
  const results = await mailer.drainOutbox()
  if (results.length) {
    const sent = results.filter((r) => r.status === "sent").length
    logger.info(`medusa-plugin-mailer: outbox run delivered ${sent} of ${results.length} due mails`)
  }
  if (Date.now() - lastPurge > PURGE_EVERY_MS) {
    lastPurge = Date.now()
    const purged = await mailer.purgeExpiredMessages()
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
