import { model } from "@medusajs/framework/utils"

/**
 * One started OAuth2 authorization (oauth/flow.ts): the `state` sent to the provider is stored
 * only as its SHA-256 (a database reader cannot complete someone's sign-in with it), bound to the
 * admin user who started it and the account; the PKCE verifier is sealed with the row id. A row
 * is deleted when the callback uses it (single use) and is void after `expires_at` (10 minutes).
 */
export const MailerOAuthState = model
  .define(
    { name: "MailerOAuthState", tableName: "mailer_oauth_state" },
    {
      id: model.id({ prefix: "moas" }).primaryKey(),
      state_hash: model.text(),
      account_id: model.text(),
      user_id: model.text(),
      code_verifier: model.text(),
      redirect_uri: model.text(),
      expires_at: model.dateTime(),
    }
  )
  .indexes([{ on: ["state_hash"], unique: true }])
