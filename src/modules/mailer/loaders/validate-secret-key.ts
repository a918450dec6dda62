import type { LoaderOptions } from "@medusajs/framework/types"
import { parseSecretKey } from "../core/secret-box"
import { configuredSecretKey, isProduction, SECRET_KEY_ENV } from "../lib/secrets"
import type { MailerPluginOptions } from "../types"

/**
 * Fails start-up in production without a usable key: SMTP passwords are stored
 * encrypted and could neither be written nor read without it.
 */
export default async function validateSecretKey({
  options,
  logger,
}: LoaderOptions<MailerPluginOptions>): Promise<void> {
  const key = configuredSecretKey(options ?? {})
  if (!key) {
    if (isProduction()) {
      throw new Error(
        `medusa-plugin-mailer: ${SECRET_KEY_ENV} is not set. Set it to 32 random bytes in base64 ` +
          `(for example the output of \`openssl rand -base64 32\`) so SMTP passwords can be stored encrypted.`
      )
    }
    logger?.warn(
      `medusa-plugin-mailer: ${SECRET_KEY_ENV} is not set; using the public development key. ` +
        `Set ${SECRET_KEY_ENV} before storing real SMTP passwords.`
    )
    return
  }
  try {
    parseSecretKey(key)
  } catch {
    throw new Error(
      `medusa-plugin-mailer: ${SECRET_KEY_ENV} must be 32 bytes encoded in base64 ` +
        `(for example the output of \`openssl rand -base64 32\`).`
    )
  }
}
