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
    // ISO 3166-1 alpha-2 of the shop's own country: addresses there are domestic and print no country line.
    shop_country_code: model.text().nullable(),
    // Printed instead of the tax line when an order has no tax (e.g. "Gemäß § 19 UStG …").
    tax_note: model.text().nullable(),
  }
)
