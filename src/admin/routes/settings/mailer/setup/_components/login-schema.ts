import { z } from "zod"
import type { AccountInput } from "../../../../../lib/api/accounts"
import type { MailerPreset } from "../../../../../lib/types"

// Messages are translation keys under "overview.setup.errors"; the form translates them.
export const loginSchema = z
  .object({
    name: z.string().trim().min(1, "required").max(200, "tooLong"),
    sender_name: z.string().trim().min(1, "required").max(200, "tooLong"),
    sender_email: z.string().trim().min(1, "required").email("email"),
    host: z
      .string()
      .trim()
      .min(1, "required")
      .regex(/^[^\s/]+$/, "host"),
    port: z.number({ error: "port" }).int("port").min(1, "port").max(65535, "port"),
    security: z.enum(["ssl", "starttls", "none"]),
    auth_required: z.boolean(),
    username: z.string().trim(),
    password: z.string(),
  })
  .superRefine((values, ctx) => {
    if (values.auth_required && values.password === "") {
      ctx.addIssue({ code: "custom", path: ["password"], message: "required" })
    }
  })

export type LoginValues = z.infer<typeof loginSchema>

export function defaultsFor(preset: MailerPreset, accountName: string): LoginValues {
  return {
    name: accountName,
    sender_name: "",
    sender_email: "",
    host: preset.host,
    port: preset.port,
    security: preset.security,
    auth_required: true,
    username: "",
    password: "",
  }
}

/**
 * The request for "Test and save". An empty user name means the sender address (what nearly
 * every provider expects); without login neither is sent.
 */
export function toAccountInput(values: LoginValues): AccountInput {
  const { username, password, ...rest } = values
  return {
    ...rest,
    username: values.auth_required ? username || values.sender_email : null,
    password: values.auth_required ? password : null,
    verify: true,
  }
}
