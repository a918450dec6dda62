import { z } from "zod"
import type { AccountInput } from "../../../../../lib/api/accounts"
import type { MailerAccount } from "../../../../../lib/types"
import { oauthBody, oauthFormShape, oauthFormValues, oauthIssues } from "./oauth-form"

/**
 * The account form: every field of the API as the inputs hold it (text as strings, numbers as
 * the typed digits), turned into the API body by `toApiBody`. Validation messages are
 * translation keys (`accounts.validation.*`); the API checks everything again and its field
 * problems land on the same fields.
 */
const V = "accounts.validation."
const optionalEmail = z.union([z.literal(""), z.email(`${V}email`)])
const requiredText = z.string().trim().min(1, `${V}required`).max(200, `${V}tooLong`)
const optionalInt = (min: number, max: number) =>
  z.string().trim().refine((v) => v === "" || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), `${V}number`)

export const accountFormSchema = z
  .object({
    name: requiredText,
    sender_name: requiredText,
    sender_email: z.email(`${V}email`),
    reply_to: optionalEmail,
    host: z.string().trim().min(1, `${V}required`).regex(/^[^\s/:]+$|^\[?[0-9a-fA-F:.]+\]?$/, `${V}host`),
    port: z.string().trim().refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535, `${V}port`),
    security: z.enum(["ssl", "starttls", "none"]),
    auth_required: z.boolean(),
    username: z.string(),
    password: z.string(),
    clear_password: z.boolean(),
    signature_html: z.string(),
    greeting: z.string(),
    contact_name: z.string(),
    contact_phone: z.string(),
    contact_mobile: z.string(),
    contact_email: optionalEmail,
    contact_fax: z.string(),
    cc_1: optionalEmail,
    cc_2: optionalEmail,
    bcc: optionalEmail,
    sales_channel_ids: z.array(z.string()),
    test_mode: z.boolean(),
    test_recipient: optionalEmail,
    rate_limit_messages: optionalInt(1, 100_000),
    rate_limit_pause_ms: optionalInt(0, 3_600_000),
    daily_quota: optionalInt(1, 10_000_000),
    dkim_domain: z.string(),
    dkim_selector: z.string(),
    dkim_private_key: z.string(),
    clear_dkim_private_key: z.boolean(),
    /** Recipient of the "test and save" mail; not stored. */
    test_to: optionalEmail,
    ...oauthFormShape,
  })
  .superRefine((values, ctx) => {
    // An OAuth2 login names its mailbox through the sign-in; an empty user name means the sender.
    if (values.auth_required && values.auth_method !== "oauth2" && !values.username.trim()) {
      ctx.addIssue({ code: "custom", path: ["username"], message: `${V}username` })
    }
    for (const issue of oauthIssues(values)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message })
  })

export type AccountFormValues = z.infer<typeof accountFormSchema>

const text = (value: string | null | undefined) => value ?? ""
const digits = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value))

export function toFormValues(account?: MailerAccount): AccountFormValues {
  return {
    name: text(account?.name),
    sender_name: text(account?.sender_name),
    sender_email: text(account?.sender_email),
    reply_to: text(account?.reply_to),
    host: text(account?.host),
    port: account ? String(account.port) : "587",
    security: account?.security ?? "starttls",
    auth_required: account?.auth_required ?? true,
    username: text(account?.username),
    password: "",
    clear_password: false,
    signature_html: text(account?.signature_html),
    greeting: text(account?.greeting),
    contact_name: text(account?.contact_name),
    contact_phone: text(account?.contact_phone),
    contact_mobile: text(account?.contact_mobile),
    contact_email: text(account?.contact_email),
    contact_fax: text(account?.contact_fax),
    cc_1: text(account?.cc_1),
    cc_2: text(account?.cc_2),
    bcc: text(account?.bcc),
    sales_channel_ids: account?.sales_channel_ids ?? [],
    test_mode: account?.test_mode ?? true,
    test_recipient: text(account?.test_recipient),
    rate_limit_messages: digits(account?.rate_limit_messages),
    rate_limit_pause_ms: digits(account?.rate_limit_pause_ms),
    daily_quota: digits(account?.daily_quota),
    dkim_domain: text(account?.dkim_domain),
    dkim_selector: text(account?.dkim_selector),
    dkim_private_key: "",
    clear_dkim_private_key: false,
    test_to: "",
    ...oauthFormValues(account),
  }
}

const TEXT_FIELDS = [
  "name", "sender_name", "sender_email", "reply_to", "host", "username", "signature_html", "greeting",
  "contact_name", "contact_phone", "contact_mobile", "contact_email", "contact_fax",
  "cc_1", "cc_2", "bcc", "test_recipient", "dkim_domain", "dkim_selector",
] as const
const NUMBER_FIELDS = ["rate_limit_messages", "rate_limit_pause_ms", "daily_quota"] as const

/** The stored fields as the API takes them: "" means null, digits become numbers. */
function storedFields(values: AccountFormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {
    port: Number(values.port),
    security: values.security,
    auth_required: values.auth_required,
    sales_channel_ids: [...values.sales_channel_ids].sort(),
    test_mode: values.test_mode,
  }
  for (const field of TEXT_FIELDS) body[field] = values[field].trim() === "" ? null : values[field]
  for (const field of NUMBER_FIELDS) body[field] = values[field].trim() === "" ? null : Number(values[field])
  // Signature and greeting keep their line breaks and indentation as typed.
  body.signature_html = values.signature_html.trim() === "" ? null : values.signature_html
  body.greeting = values.greeting.trim() === "" ? null : values.greeting
  return body
}

/** Write-only secrets: typed → set, "remove" → null, empty → leave out (the API keeps it). */
function secretFields(values: AccountFormValues): AccountInput {
  const body: AccountInput = {}
  if (values.clear_password) body.password = null
  else if (values.password !== "") body.password = values.password
  if (values.clear_dkim_private_key) body.dkim_private_key = null
  else if (values.dkim_private_key.trim() !== "") body.dkim_private_key = values.dkim_private_key
  return body
}

/**
 * The request body. For an existing account only what changed is sent, so an untouched
 * connection is not reported as changed (which would ask for the password again).
 */
export function toApiBody(values: AccountFormValues, account: MailerAccount | undefined, verify: boolean): AccountInput {
  const fields = storedFields(values)
  const body: Record<string, unknown> = {}
  const before = account ? storedFields(toFormValues(account)) : null
  for (const [key, value] of Object.entries(fields)) {
    if (!before || JSON.stringify(before[key]) !== JSON.stringify(value)) body[key] = value
  }
  Object.assign(body, secretFields(values), oauthBody(values, account))
  if (verify) {
    body.verify = true
    if (values.test_to.trim()) body.test_to = values.test_to.trim()
  }
  return body as AccountInput
}

/** Form fields the API's `errors[].field` can name (so a server problem lands on its input). */
export function isFormField(field: string): field is keyof AccountFormValues {
  return field in toFormValues()
}
