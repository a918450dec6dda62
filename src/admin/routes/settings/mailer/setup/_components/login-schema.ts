import { z } from "zod"
import type { AccountInput } from "../../../../../lib/api/accounts"
import type { AuthMethod, MailerPreset, OAuthProvider } from "../../../../../lib/types"

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
    // Microsoft 365 and Gmail also sign in with OAuth2: the app registration's client id and secret (and tenant).
    auth_method: z.enum(["password", "oauth2"]),
    oauth_client_id: z.string().trim().max(500, "tooLong"),
    oauth_client_secret: z.string().trim(),
    oauth_tenant: z.string().trim().max(200, "tooLong"),
  })
  .superRefine((values, ctx) => {
    const required = (field: "password" | "oauth_client_id" | "oauth_client_secret") =>
      ctx.addIssue({ code: "custom", path: [field], message: "required" })
    if (values.auth_method === "oauth2") {
      if (!values.oauth_client_id) required("oauth_client_id")
      if (!values.oauth_client_secret) required("oauth_client_secret")
    } else if (values.auth_required && values.password === "") {
      required("password")
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
    // The way the provider recommends comes first in its preset (OAuth2 for Microsoft 365 and Gmail).
    auth_method: oauthProviderOf(preset) ? preset.auth_methods?.[0] ?? "password" : "password",
    oauth_client_id: "",
    oauth_client_secret: "",
    oauth_tenant: "",
  }
}

// Presets whose provider signs in with OAuth2 (ids of core/smtp/presets.ts).
const OAUTH_PROVIDERS: Record<string, OAuthProvider> = { microsoft365: "microsoft", gmail: "google" }

/** The OAuth2 provider of a preset that offers the sign-in (its `auth_methods` name oauth2). */
export function oauthProviderOf(preset: Pick<MailerPreset, "id" | "auth_methods">): OAuthProvider | null {
  return preset.auth_methods?.includes("oauth2") ? OAUTH_PROVIDERS[preset.id] ?? null : null
}

/**
 * The request for "Save and connect" of an OAuth2 account: stored without a test (it cannot send
 * before the sign-in), then the browser goes to the provider and comes back to the account.
 */
export function toOAuthAccountInput(values: LoginValues, provider: OAuthProvider): AccountInput {
  const { password: _password, oauth_client_id, oauth_client_secret, oauth_tenant, auth_method: _method, ...rest } = values
  return {
    ...rest,
    auth_required: true,
    username: values.username || null,
    auth_method: "oauth2" as AuthMethod,
    oauth: {
      provider,
      client_id: oauth_client_id,
      client_secret: oauth_client_secret,
      tenant: provider === "microsoft" ? oauth_tenant || null : null,
    },
  }
}

/**
 * The request for "Test and save". An empty user name means the sender address (what nearly
 * every provider expects); without login neither is sent.
 */
export function toAccountInput(values: LoginValues): AccountInput {
  const { username, password, auth_method: _method, oauth_client_id: _id, oauth_client_secret: _secret, oauth_tenant: _tenant, ...rest } = values
  return {
    ...rest,
    username: values.auth_required ? username || values.sender_email : null,
    password: values.auth_required ? password : null,
    verify: true,
  }
}
