import { model } from "@medusajs/framework/utils"

/** The plugin's shop-wide settings: a single row, created on first read. */
export const MailerSettings = model.define(
  { name: "MailerSettings", tableName: "mailer_settings" },
  {
    id: model.id({ prefix: "mset" }).primaryKey(),
    default_locale: model.text().default("de"),
    // Map of event name → enabled; an event missing from the map is enabled.
    enabled_events: model.json().default({}),
    layout_html: model.text().nullable(),
    log_retention_days: model.number().default(180),
    storefront_url: model.text().nullable(),
    admin_url: model.text().nullable(),
  }
)
