import { z } from "@medusajs/framework/zod"
import { checkEndpointUrl } from "../../../../modules/mailer/core/oauth"
import { nullable, text } from "../lib/schemas"

/**
 * The `oauth` object of an account body (contract: OAuth2 accounts). The client secret is
 * write-only like the password: a string sets it, null clears it, "" or leaving it out keeps it.
 */
const TENANT = /^[A-Za-z0-9][A-Za-z0-9.-]{0,253}$/

const endpointUrl = () =>
  z
    .string()
    .trim()
    .max(2048)
    .refine((v) => checkEndpointUrl(v) === "ok", "OAUTH_URL_NOT_HTTPS")

export const oauthObject = z
  .object({
    provider: z.enum(["microsoft", "google", "generic"]),
    client_id: text(500).min(1),
    client_secret: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(4096).nullable().optional()),
    tenant: nullable(text(255).regex(TENANT, "INVALID_TENANT")),
    authorize_url: nullable(endpointUrl()),
    token_url: nullable(endpointUrl()),
    scopes: z.array(text(300).min(1).regex(/^\S+$/)).max(20).nullable().optional(),
  })
  .strict()

export type OAuthBody = z.output<typeof oauthObject>

/** A sign-in with OAuth2 needs its app registration (the rest is checked with the stored account: oauth-input.ts). */
export function refineOAuth(body: { auth_method?: string | null; oauth?: Partial<OAuthBody> | null }, ctx: z.RefinementCtx) {
  if (body.auth_method === "oauth2" && (!body.oauth?.provider || !body.oauth.client_id)) {
    ctx.addIssue({ code: "custom", path: ["oauth"], message: "OAUTH_REQUIRED" })
  }
}
