import { z } from "@medusajs/framework/zod"
import { email, id, locale, nullable } from "../lib/schemas"

/**
 * Template sources are checked by the render core (size, syntax, forbidden
 * constructs, unknown helpers) after this shape check, so the schema only
 * asks for text here.
 */
const source = {
  subject: z.string(),
  body_html: z.string(),
  body_text: z.string().nullable().optional(),
}

export const CreateTemplateBody = z
  .object({
    event_name: z.string().trim().min(1).max(100),
    locale: locale(),
    sales_channel_id: nullable(id()),
    account_id: nullable(id()),
    ...source,
    is_active: z.boolean().optional(),
  })
  .strict()

export const UpdateTemplateBody = CreateTemplateBody.partial().strict()

export const ListTemplatesQuery = z
  .object({
    event_name: z.string().trim().min(1).max(100).optional(),
    locale: locale().optional(),
  })
  .strict()

export const PreviewTemplateBody = z
  .object({
    event_name: z.string().trim().min(1).max(100),
    locale: locale().optional(),
    account_id: nullable(id()),
    ...source,
    /** Render with this order's data instead of the sample. */
    order_id: nullable(id()),
  })
  .strict()

export const TemplateTestBody = z
  .object({
    to: nullable(email()),
    order_id: nullable(id()),
  })
  .strict()
