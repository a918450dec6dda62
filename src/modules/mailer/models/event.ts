import { model } from "@medusajs/framework/utils"

/**
 * The event inbox: every Medusa event the plugin mails for, recorded by the subscriber before
 * anything can fail (Medusa's event buses do not retry a failed subscriber). The outbox job
 * processes rows that are due (a failed first try, a worker that died while processing) with
 * a lease, like the outbox (src/modules/mailer/inbox/).
 */
export const MailerEvent = model
  .define(
    { name: "MailerEvent", tableName: "mailer_event" },
    {
      id: model.id({ prefix: "mevt" }).primaryKey(),
      event_name: model.text(),
      // The payload as emitted (ids only); a password reset's token is sealed with the row id.
      data: model.json(),
      received_at: model.dateTime(),
      status: model.enum(["pending", "processing", "done", "failed"]).default("pending"),
      attempts: model.number().default(0),
      next_attempt_at: model.dateTime().nullable(),
      lease_until: model.dateTime().nullable(),
      // { code, message } of the last failed try: a code of the error table, a text without secrets.
      last_error: model.json().nullable(),
      // The outbox rows (mailer_message ids) the event produced, the failure's log row included.
      message_ids: model.json().nullable(),
    }
  )
  .indexes([{ on: ["status", "next_attempt_at"] }])
