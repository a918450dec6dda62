import { model } from "@medusajs/framework/utils"

/**
 * A merchant's override of a shipped default template for one event and
 * language, optionally for one sales channel. Deleting the row restores the
 * shipped default ("reset to default").
 */
export const MailerTemplate = model
  .define(
    { name: "MailerTemplate", tableName: "mailer_template" },
    {
      id: model.id({ prefix: "mtpl" }).primaryKey(),
      event_name: model.text(),
      locale: model.text(),
      sales_channel_id: model.text().nullable(),
      account_id: model.text().nullable(),
      subject: model.text(),
      body_html: model.text(),
      body_text: model.text().nullable(),
      is_active: model.boolean().default(true),
    }
  )
  .indexes([
    // Postgres treats NULLs as distinct, so "all channels" needs its own unique index.
    {
      name: "IDX_mailer_template_event_locale_all_channels",
      on: ["event_name", "locale"],
      unique: true,
      where: "sales_channel_id IS NULL AND deleted_at IS NULL",
    },
    {
      name: "IDX_mailer_template_event_locale_channel",
      on: ["event_name", "locale", "sales_channel_id"],
      unique: true,
      where: "sales_channel_id IS NOT NULL AND deleted_at IS NULL",
    },
  ])
