import { createPrivateKey, createPublicKey, generateKeyPair } from "node:crypto"
import { promisify } from "node:util"
import { checkSenderDns, type SenderDnsReport } from "../core/dns/check"
import type { AccountRecord } from "../lib/account-fields"
import { secretsForConnection, type SecretBox } from "../lib/secrets"
import type { MailerPluginOptions } from "../types"
import { createTxtLookup, dnsServersFrom } from "./resolver"

const generateKeyPairAsync = promisify(generateKeyPair)

export const DKIM_KEY_BITS = 2048

/** A new RSA key pair: the private key as PKCS#8 PEM (to be sealed), the public one as base64 SPKI DER (for p=). */
export async function generateDkimKeyPair(): Promise<{ privateKeyPem: string; publicKeyBase64: string }> {
  // asynchronous: a 2048-bit key takes long enough to stall other requests if made inline
  const { privateKey, publicKey } = await generateKeyPairAsync("rsa", {
    modulusLength: DKIM_KEY_BITS,
    publicKeyEncoding: { type: "spki", format: "der" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  })
  return { privateKeyPem: privateKey, publicKeyBase64: publicKey.toString("base64") }
}

/** The public half of a PEM private key as base64 SPKI DER; null when it cannot be read. */
export function publicKeyOfPrivate(pem: string): string | null {
  try {
    return createPublicKey(createPrivateKey(pem)).export({ type: "spki", format: "der" }).toString("base64")
  } catch {
    return null
  }
}

/**
 * The account's DKIM public key, derived from the stored (sealed) private key so that the
 * record can be shown again at any time without storing a second copy. Null when there is no
 * key or it cannot be opened (a changed MAILER_SECRET_KEY); the private key never leaves here.
 */
export function dkimPublicKeyOf(box: SecretBox, account: AccountRecord): string | null {
  if (!account.dkim_private_key) return null
  try {
    const pem = secretsForConnection(box, account).dkimPrivateKey
    return pem ? publicKeyOfPrivate(pem) : null
  } catch {
    return null
  }
}

export function senderDnsCheck(box: SecretBox, options: MailerPluginOptions, account: AccountRecord): Promise<SenderDnsReport | null> {
  const lookup = createTxtLookup({ servers: dnsServersFrom(options), timeoutMs: options.dns_timeout_ms })
  return checkSenderDns(
    {
      sender_email: account.sender_email ?? null,
      dkim_domain: account.dkim_domain ?? null,
      dkim_selector: account.dkim_selector ?? null,
      dkim_public_key: dkimPublicKeyOf(box, account),
    },
    lookup
  )
}
