import { model } from "@medusajs/framework/utils"

/**
 * One outgoing mail: the log and the outbox in one row. `idempotency_key` is
 * unique, so a second delivery of the same event is a no-op.
 */
export const MailerMessage = model
  .define(
    { name: "MailerMessage", tableName: "mailer_message" },
    {
      id: model.id({ prefix: "mmsg" }).primaryKey(),
      idempotency_key: model.text().unique(),
      status: model.enum(["queued", "sending", "sent", "failed", "skipped"]).default("queued"),
      event_name: model.text(),
      template_id: model.text().nullable(),
      account_id: model.text().nullable(),
      locale: model.text().nullable(),
      resource_type: model.text().nullable(),
      resource_id: model.text().nullable(),
      // Which of several mails of one event and resource this is (a fulfillment, return,
      // refund id …); also part of the idempotency key, but never parsed back out of it.
      occurrence: model.text().nullable(),
      // What the mail was meant for: validated bare addresses when the row was written (a
      // one-element array for customer mail; a failed RECIPIENT_INVALID row keeps the refused input) …
      to: model.json().nullable(),
      cc: model.json().nullable(),
      bcc: model.json().nullable(),
      reply_to: model.text().nullable(),
      // The From header of the sent mail, display name included (written by delivery); a row
      // that is never sent keeps the draft's, or null.
      from: model.text().nullable(),
      // … and what was actually used on the wire (differs in test mode).
      envelope: model.json().nullable(),
      // Test-mode routing, decided and recorded when the row is written (core/test-mode.ts)
      test_mode: model.boolean().default(false),
      test_recipient: model.text().nullable(),
      // A one-time link (password reset, invitation), sealed with the secret key and the row id;
      // the stored body holds a placeholder until delivery. Cleared once the mail is final.
      one_time_link: model.text().nullable(),
      subject: model.text().nullable(),
      html: model.text().nullable(),
      text: model.text().nullable(),
      message_id: model.text().nullable(),
      accepted: model.json().nullable(),
      rejected: model.json().nullable(),
      attempts: model.number().default(0),
      next_attempt_at: model.dateTime().nullable(),
      // Transient failures are retried until then (written + retry.lifetimeMs; "Retry now" restarts it).
      give_up_at: model.dateTime().nullable(),
      lease_until: model.dateTime().nullable(),
      // When delivery granted the send under the account's daily quota and rate limit
      // (delivery/send-allowance.ts); both are counted by it across processes.
      attempted_at: model.dateTime().nullable(),
      error_code: model.text().nullable(),
      error_message: model.text().nullable(),
      error_hint: model.text().nullable(),
      smtp_response_code: model.number().nullable(),
      skip_reason: model.text().nullable(),
      sent_at: model.dateTime().nullable(),
      resent_from_id: model.text().nullable(),
      triggered_by: model.text().default("system"),
      staff_user_id: model.text().nullable(),
    }
  )
  .indexes([
    { on: ["status", "next_attempt_at"] },
    { on: ["resource_id"] },
    // The mail log sorts by created_at (newest first, id breaks ties), filtered by resource or
    // status: a page is read from these indexes in order (Migration20261203134000).
    { on: ["created_at", "id"], name: "IDX_mailer_message_created_at_id" },
    { on: ["status", "created_at", "id"], name: "IDX_mailer_message_status_created_at_id" },
    { on: ["resource_id", "created_at"], name: "IDX_mailer_message_resource_id_created_at" },
    { on: ["event_name"] },
    { on: ["account_id", "status"] },
    // Not partial (where: null): a soft-deleted row that was sent still used the quota.
    { on: ["account_id", "attempted_at"], name: "IDX_mailer_message_account_id_attempted_at", where: null },
  ])
