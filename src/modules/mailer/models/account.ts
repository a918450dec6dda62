import { model } from "@medusajs/framework/utils"
import { ACCOUNT_TRANSPORTS } from "../delivery/transports/contract"

/**
 * An SMTP mailbox the shop sends from. `password` and `dkim_private_key`
 * hold `v1:` AES-256-GCM ciphertexts (see core/secret-box.ts); they are never
 * returned by the API.
 */
export const MailerAccount = model
  .define(
    { name: "MailerAccount", tableName: "mailer_account" },
    {
      id: model.id({ prefix: "macc" }).primaryKey(),
      name: model.text(),
      sender_name: model.text(),
      sender_email: model.text(),
      reply_to: model.text().nullable(),
      // Which sender delivers (delivery/transports): host and port are SMTP's, so nullable here;
      // the SMTP transport and the admin API still require them for an SMTP account.
      transport: model.enum([...ACCOUNT_TRANSPORTS]).default("smtp"),
      host: model.text().nullable(),
      port: model.number().nullable(),
      security: model.enum(["ssl", "starttls", "none"]).default("starttls"),
      auth_required: model.boolean().default(true),
      username: model.text().nullable(),
      password: model.text().nullable(),
      // OAuth2 (XOAUTH2) sign-in instead of a password (src/modules/mailer/oauth/). The client
      // secret and both tokens are sealed like the password; scopes are space-separated.
      auth_method: model.enum(["password", "oauth2"]).default("password"),
      oauth_provider: model.enum(["microsoft", "google", "generic"]).nullable(),
      oauth_client_id: model.text().nullable(),
      oauth_client_secret: model.text().nullable(),
      oauth_tenant: model.text().nullable(),
      oauth_authorize_url: model.text().nullable(),
      oauth_token_url: model.text().nullable(),
      oauth_scopes: model.text().nullable(),
      oauth_refresh_token: model.text().nullable(),
      oauth_access_token: model.text().nullable(),
      oauth_access_token_expires_at: model.dateTime().nullable(),
      oauth_identity: model.text().nullable(),
      oauth_connected_at: model.dateTime().nullable(),
      signature_html: model.text().nullable(),
      greeting: model.text().nullable(),
      // Contact person used for the signature variables when no staff member acted.
      contact_name: model.text().nullable(),
      contact_phone: model.text().nullable(),
      contact_mobile: model.text().nullable(),
      contact_email: model.text().nullable(),
      contact_fax: model.text().nullable(),
      cc_1: model.text().nullable(),
      cc_2: model.text().nullable(),
      bcc: model.text().nullable(),
      is_default: model.boolean().default(false),
      sales_channel_ids: model.json().default({ ids: [] }),
      // New accounts start in test mode so nothing reaches a customer by accident.
      test_mode: model.boolean().default(true),
      test_recipient: model.text().nullable(),
      rate_limit_messages: model.number().nullable(),
      rate_limit_pause_ms: model.number().nullable(),
      daily_quota: model.number().nullable(),
      dkim_domain: model.text().nullable(),
      dkim_selector: model.text().nullable(),
      dkim_private_key: model.text().nullable(),
      status: model
        .enum(["unverified", "ok", "auth_failed", "tls_failed", "connection_failed", "reauth_required"])
        .default("unverified"),
      verified_at: model.dateTime().nullable(),
      last_error: model.text().nullable(),
    }
  )
  .indexes([{ on: ["is_default"], where: "is_default = true AND deleted_at IS NULL", unique: true }])
