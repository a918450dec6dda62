import { createHash, randomBytes } from "node:crypto"

/**
 * PKCE (RFC 7636) with S256 and the authorization `state`: random, URL-safe values. The state is
 * stored only as its hash (hashState), so the table of started sign-ins holds nothing that
 * completes one.
 */
export function randomUrlSafe(bytes = 32): string {
  return randomBytes(bytes).toString("base64url")
}

export function codeChallengeS256(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url")
}

export function hashState(state: string): string {
  return createHash("sha256").update(state, "utf8").digest("hex")
}
