import type { MedusaContainer } from "@medusajs/framework/types"
import { MAILER_MODULE } from "../modules/mailer"
import type MailerModuleService from "../modules/mailer/service"

/** Re-delivers due messages: transient failures after their backoff, and rows whose worker died. */
export default async function mailerDrainOutbox(container: MedusaContainer) {
  const mailer = container.resolve<MailerModuleService>(MAILER_MODULE)
  const results = await mailer.drainOutbox()
  if (results.length) {
    const sent = results.filter((r) => r.status === "sent").length
    container.resolve("logger").info(`medusa-plugin-mailer: outbox run delivered ${sent} of ${results.length} due mails`)
  }
}

export const config = {
  name: "mailer-drain-outbox",
  schedule: "* * * * *",
}
