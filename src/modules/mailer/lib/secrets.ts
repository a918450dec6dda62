import { isMailerError, MailerError } from "../core/errors"
import { createSecretBox, parseSecretKey } from "../core/secret-box"
import type { SmtpSecrets } from "../core/smtp/transport-options"
import { SECRET_FIELDS, type AccountRecord } from "./account-fields"
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

/** Secrets sent with a request: a string replaces the stored one, null means none, undefined keeps it. */
export type GivenSecrets = { password?: string | null; dkim_private_key?: string | null }

/**
 * The secrets for a connection, for the SMTP transport only. A secret given in the request is
 * used as it is and the stored one is not even opened: after a change of MAILER_SECRET_KEY the
 * stored ciphertext cannot be read, and a newly entered password must repair the account on
 * every path (test and save, verify). A stored secret that cannot be opened throws
 * SECRET_DECRYPT_FAILED.
 */
export function secretsForConnection(box: SecretBox, account: AccountRecord | null, given: GivenSecrets = {}): SmtpSecrets {
  const pick = (field: "password" | "dkim_private_key") => {
    const value = given[field]
    if (value !== undefined) return value
    const sealed = account?.[field]
    if (!sealed || !account) return null
    try {
      return box.open(sealed, account.id)
    } catch (err) {
      // the detail names which secret to enter again
      if (!isMailerError(err)) throw err
      throw new MailerError(err.code, `the stored ${field === "password" ? "password" : "DKIM private key"} cannot be decrypted`)
    }
  }
  return { password: pick("password"), dkimPrivateKey: pick("dkim_private_key") }
}

/** The input with secrets sealed: a string is encrypted, null clears, undefined or "" keeps the stored one. */
export function withSealedSecrets(box: SecretBox, id: string, input: Record<string, any>): Record<string, any> {
  const data: Record<string, any> = { ...input, id }
  for (const field of SECRET_FIELDS) {
    const value = input[field]
    if (typeof value === "string" && value !== "") {
      data[field] = box.seal(value, id)
    } else if (value !== null) {
      delete data[field]
    }
  }
  return data
}
