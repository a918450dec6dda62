import { z } from "@medusajs/framework/zod"
import { isValidEmail } from "../../../../modules/mailer/core/addresses"

/**
 * Building blocks of the request schemas. Rules that need their own sentence
 * carry a code as the issue message (see field-errors.ts).
 */

/** A bare e-mail address (no display name), trimmed; the outbox's own rule. */
export const email = () =>
  z
    .string()
    .trim()
    .refine((v) => isValidEmail(v), "INVALID_EMAIL")

/** Empty strings from a form read as "no value". */
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v)

/** An optional field that may be cleared with null (or ""). */
export const nullable = <S extends z.ZodType>(schema: S) => z.preprocess(blankToNull, schema.nullable().optional())

export const text = (max: number) => z.string().trim().max(max)

/** "de", "en", "de-DE", "de_AT", "zh-Hant-TW"… */
export const locale = () =>
  z
    .string()
    .trim()
    .min(2)
    .max(10)
    .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, "INVALID_LOCALE")

export const httpUrl = () =>
  z
    .string()
    .trim()
    .max(2048)
    .refine((v) => {
      try {
        const url = new URL(v)
        return (url.protocol === "http:" || url.protocol === "https:") && !/\s/.test(v)
      } catch {
        return false
      }
    }, "INVALID_URL")

export const id = () => z.string().trim().min(1).max(100)

/** Body of routes that take no fields; anything sent is reported as unknown. */
export const EmptyBody = z.object({}).strict()

/** `{ to? }` of the test-mail and resend routes. */
export const ToBody = z.object({ to: nullable(email()) }).strict()
