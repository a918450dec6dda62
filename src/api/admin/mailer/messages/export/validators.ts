import { z } from "@medusajs/framework/zod"
import { ListMessagesQuery } from "../validators"

/**
 * The log's filters without pagination (the export has its own cap), plus
 * `language`: a download link cannot set Accept-Language, so the admin passes
 * the dashboard's language for the error texts.
 */
export const ExportMessagesQuery = ListMessagesQuery.omit({ limit: true, offset: true })
  .extend({ language: z.enum(["de", "en"]).optional() })
  .strict()
