import { z } from "@medusajs/framework/zod"
import { MAX_TEMPLATE_BYTES } from "../../../../modules/mailer/core/render"
import { httpUrl, locale, nullable, text } from "../lib/schemas"

export const UpdateSettingsBody = z
  .object({
    default_locale: locale(),
    /** event → enabled; merged into the stored map (events left out keep their setting). */
    enabled_events: z.record(z.string(), z.boolean()),
    /** Wrapper around every HTML mail; must contain {{{body}}} once. null or "" = the shipped layout. */
    layout_html: nullable(z.string().max(MAX_TEMPLATE_BYTES)),
    log_retention_days: z.number().int().min(1).max(3650),
    storefront_url: nullable(httpUrl()),
    admin_url: nullable(httpUrl()),
    /** The shop's own country (ISO 3166-1 alpha-2): addresses there print no country line. */
    shop_country_code: nullable(
      z.string().trim().regex(/^[A-Za-z]{2}$/).transform((code) => code.toUpperCase())
    ),
    /** Printed instead of the tax line when an order has no tax (Kleinunternehmer, § 19 UStG). */
    tax_note: nullable(text(500)),
  })
  .partial()
  .strict()
