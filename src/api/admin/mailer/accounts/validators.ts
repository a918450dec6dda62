import { z } from "@medusajs/framework/zod"
import { isForbiddenHost } from "../../../../modules/mailer/core/smtp/host-policy"
import { isValidDkimPrivateKey } from "../../../../modules/mailer/core/smtp/transport-options"
import { ACCOUNT_TRANSPORTS } from "../../../../modules/mailer/delivery/transports/contract"
import { email, id, nullable, text } from "../lib/schemas"
import { oauthObject, refineOAuth } from "./oauth-fields"

/** Host name, IPv4 or IPv6 (optionally in brackets); no spaces, no scheme, no port. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?|\[?[0-9A-Fa-f:.]+\]?)$/

/**
 * A write-only secret: a string sets it, null clears it, "" or leaving it out
 * keeps the stored one (a form that shows an empty password field must not
 * wipe the password).
 */
const secret = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.nullable().optional())

const accountFields = {
  name: text(200).min(1),
  sender_name: text(200).min(1),
  sender_email: email(),
  reply_to: nullable(email()),
  // Which sender delivers (delivery/transports). host and port below stay required: every
  // transport so far is SMTP; a transport without a server makes them optional for itself only.
  transport: z.enum(ACCOUNT_TRANSPORTS),
  // link-local and cloud metadata hosts are refused (core/smtp/host-policy.ts); checked again on connect
  host: text(253).min(1).regex(HOST, "INVALID_HOST").refine((v) => !isForbiddenHost(v), "HOST_NOT_ALLOWED"),
  port: z.number().int().min(1).max(65535),
  security: z.enum(["ssl", "starttls", "none"]),
  auth_required: z.boolean(),
  username: nullable(text(320)),
  password: secret(z.string().max(1024)),
  // OAuth2 (XOAUTH2) instead of a password: oauth-fields.ts
  auth_method: z.enum(["password", "oauth2"]),
  oauth: oauthObject.nullable(),
  signature_html: nullable(text(65536)),
  greeting: nullable(text(4000)),
  contact_name: nullable(text(200)),
  contact_phone: nullable(text(50)),
  contact_mobile: nullable(text(50)),
  contact_email: nullable(email()),
  contact_fax: nullable(text(50)),
  cc_1: nullable(email()),
  cc_2: nullable(email()),
  bcc: nullable(email()),
  is_default: z.boolean(),
  sales_channel_ids: z.array(id()).max(200),
  test_mode: z.boolean(),
  test_recipient: nullable(email()),
  rate_limit_messages: nullable(z.number().int().min(1).max(100_000)),
  rate_limit_pause_ms: nullable(z.number().int().min(0).max(3_600_000)),
  daily_quota: nullable(z.number().int().min(1).max(10_000_000)),
  dkim_domain: nullable(text(253).regex(HOST, "INVALID_HOST")),
  dkim_selector: nullable(text(63)),
  dkim_private_key: secret(z.string().max(16_384).refine((v) => isValidDkimPrivateKey(v), "INVALID_DKIM_KEY")),
}

/** "Test and save": connect, authenticate and send a test mail before storing. */
const verifyFields = {
  verify: z.boolean().optional(),
  /** Where the test mail goes; default the sender address. */
  test_to: nullable(email()),
}

export const CreateAccountBody = z
  .object({
    ...accountFields,
    transport: accountFields.transport.optional(),
    security: accountFields.security.optional(),
    auth_required: accountFields.auth_required.optional(),
    is_default: accountFields.is_default.optional(),
    sales_channel_ids: accountFields.sales_channel_ids.optional(),
    test_mode: accountFields.test_mode.optional(),
    auth_method: accountFields.auth_method.optional(),
    oauth: accountFields.oauth.optional(),
    ...verifyFields,
  })
  .strict()
  .superRefine((body, ctx) => {
    // XOAUTH2 signs in as the sender address unless a user name is given
    if (body.auth_required !== false && !body.username && body.auth_method !== "oauth2") {
      ctx.addIssue({ code: "custom", path: ["username"], message: "USERNAME_REQUIRED" })
    }
    refineOAuth(body, ctx)
  })

export const UpdateAccountBody = z
  .object({ ...accountFields, ...verifyFields })
  .partial()
  .strict()

/**
 * POST /accounts/:id/verify: optionally with a new password or DKIM key, tried instead of the
 * stored ones and stored when the check passes (repairs an account whose stored secrets can
 * no longer be decrypted, e.g. after MAILER_SECRET_KEY changed).
 */
export const VerifyAccountBody = z
  .object({
    password: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(1024).optional()),
    dkim_private_key: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.string().max(16_384).refine((v) => isValidDkimPrivateKey(v), "INVALID_DKIM_KEY").optional()
    ),
  })
  .strict()

/** POST /accounts/:id/dkim: both optional (defaults: "mailer" + yyyymm, the sender address's domain); format checked in dkim/target.ts. */
export const GenerateDkimBody = z
  .object({
    selector: z.string().trim().toLowerCase().max(63).optional(),
    domain: z.string().trim().toLowerCase().max(253).optional(),
  })
  .strict()

export const DeleteAccountBody = z
  .object({ confirm: z.string({ error: "CONFIRM_REQUIRED" }).trim().min(1, "CONFIRM_REQUIRED") })
  .strict()
