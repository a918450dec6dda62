import { createSecretBox, parseSecretKey } from "../core/secret-box"
import type { MailerPluginOptions } from "../types"

export type SecretBox = ReturnType<typeof createSecretBox>

export const SECRET_KEY_ENV = "MAILER_SECRET_KEY"

// Only for development and tests without a configured key: a fixed, public key
// keeps a local database readable across restarts. Production refuses it (see
// loaders/validate-secret-key.ts).
const DEVELOPMENT_KEY = Buffer.alloc(32, 1).toString("base64")

export function configuredSecretKey(options: MailerPluginOptions): string | undefined {
  return options.secret_key || process.env[SECRET_KEY_ENV] || undefined
}

export function isProduction(): boolean {
  return process.env.NODE_ENV === "production"
}

export function secretBoxFromOptions(options: MailerPluginOptions): SecretBox {
  const key = configuredSecretKey(options) ?? (isProduction() ? undefined : DEVELOPMENT_KEY)
  const previous = (options.previous_secret_keys ?? []).map((k) => parseSecretKey(k))
  return createSecretBox(parseSecretKey(key), previous)
}
