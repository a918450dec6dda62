import { z } from "@medusajs/framework/zod"
import { id } from "../lib/schemas"

const STATUSES = ["queued", "sending", "sent", "failed", "skipped"] as const

/** `status=failed,queued` or `status=failed&status=queued`. */
const statusList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : v),
  z.array(z.enum(STATUSES)).min(1).max(STATUSES.length)
)

/** 2026-01-31 or a full ISO 8601 date-time. */
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, "INVALID_DATE")
  .refine((v) => !Number.isNaN(Date.parse(v)), "INVALID_DATE")
  .transform((v) => new Date(v))

export const ListMessagesQuery = z
  .object({
    status: statusList.optional(),
    event_name: z.string().trim().min(1).max(100).optional(),
    resource_id: id().optional(),
    account_id: id().optional(),
    /** Free text over recipient and subject. */
    q: z.string().trim().min(1).max(200).optional(),
    created_after: isoDate.optional(),
    created_before: isoDate.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export type ListMessagesInput = z.output<typeof ListMessagesQuery>
