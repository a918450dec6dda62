import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto"
import { MailerError } from "./errors"

/**
 * Encryption of stored secrets (SMTP passwords, DKIM keys): AES-256-GCM with a 32-byte key from
 * the environment and a random 12-byte IV. The row id is the associated data, so a ciphertext
 * copied into another row does not decrypt there. Format: `v1:<iv>:<tag>:<ciphertext>`, base64.
 * The version prefix leaves room for another scheme; key rotation works without it: `open`
 * tries the current key, then the previous ones, and a re-save seals with the current key.
 */
const VERSION = "v1"
const ALGORITHM = "aes-256-gcm"
const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/
const BASE64URL = /^[A-Za-z0-9_-]*$/

export interface SecretBox {
  seal(plain: string, aad: string): string
  open(sealed: string, aad: string): string
}

export function parseSecretKey(base64: string | undefined): Buffer {
  const value = (base64 ?? "").trim()
  if (!value) throw new MailerError("SECRET_KEY_MISSING")
  // Buffer.from(…, "base64") silently skips junk, so check the alphabet first; the key itself is never echoed
  if (!BASE64.test(value) && !BASE64URL.test(value)) {
    throw new MailerError("SECRET_KEY_INVALID", "MAILER_SECRET_KEY is not base64")
  }
  const key = Buffer.from(value, BASE64.test(value) ? "base64" : "base64url")
  if (key.length !== KEY_BYTES) {
    throw new MailerError(
      "SECRET_KEY_INVALID",
      `MAILER_SECRET_KEY decodes to ${key.length} bytes, ${KEY_BYTES} are required`
    )
  }
  return key
}

export function createSecretBox(key: Buffer, previousKeys: Buffer[] = []): SecretBox {
  for (const k of [key, ...previousKeys]) {
    if (!Buffer.isBuffer(k) || k.length !== KEY_BYTES) {
      throw new MailerError("SECRET_KEY_INVALID", `secret keys must be ${KEY_BYTES} bytes`)
    }
  }
  const keys = [key, ...previousKeys]
  return {
    seal: (plain, aad) => seal(key, plain, requireAad(aad)),
    open: (sealed, aad) => open(keys, sealed, requireAad(aad)),
  }
}

function requireAad(aad: string): string {
  // Sealing without the row id would make ciphertexts portable between rows: a programming error
  if (typeof aad !== "string" || aad.length === 0) throw new TypeError("secret box: aad (row id) is required")
  return aad
}

function seal(key: Buffer, plain: string, aad: string): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(Buffer.from(aad, "utf8"))
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()])
  const tag = cipher.getAuthTag()
  return [VERSION, iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(":")
}

interface SealedParts {
  iv: Buffer
  tag: Buffer
  ciphertext: Buffer
}

function parseSealed(sealed: string): SealedParts | null {
  if (typeof sealed !== "string") return null
  const parts = sealed.split(":")
  if (parts.length !== 4 || parts[0] !== VERSION) return null
  if (!parts.slice(1).every((p) => BASE64.test(p))) return null
  const [iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, "base64"))
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null
  return { iv, tag, ciphertext }
}

function open(keys: Buffer[], sealed: string, aad: string): string {
  const parts = parseSealed(sealed)
  if (!parts) throw new MailerError("SECRET_DECRYPT_FAILED", "stored secret has an unknown format")
  for (const key of keys) {
    const plain = tryOpen(key, parts, aad)
    if (plain !== null) return plain
  }
  // Same message for wrong key, wrong row and tampering: the caller cannot act on the difference
  throw new MailerError("SECRET_DECRYPT_FAILED")
}

function tryOpen(key: Buffer, parts: SealedParts, aad: string): string | null {
  try {
    const decipher = createDecipheriv(ALGORITHM, key, parts.iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(Buffer.from(aad, "utf8"))
    decipher.setAuthTag(parts.tag)
    return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString("utf8")
  } catch {
    return null
  }
}
