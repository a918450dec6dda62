/**
 * Who signed in, from the OpenID Connect id_token of the code exchange.
 *
 * Only the payload is decoded; the signature is not checked. That is sound here because the
 * id_token is never taken from the browser: it arrives in the token endpoint's response to our
 * own request, over TLS to the provider's fixed (or https-only) token URL, authenticated with the
 * client secret and the PKCE verifier. OpenID Connect Core 1.0 §3.1.3.7 (6): "If the ID Token is
 * received via direct communication between the Client and the Token Endpoint ..., the TLS server
 * validation MAY be used to validate the issuer in place of checking the token signature."
 * The identity is only compared with the sender address (a guard against signing in with the
 * wrong mailbox), it grants nothing.
 */
export function identityFromIdToken(idToken: string | undefined | null): string | null {
  if (!idToken) return null
  const parts = idToken.split(".")
  if (parts.length < 2) return null
  try {
    const payload = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as Record<string, unknown>
    // email (Google, Microsoft with the email scope), then Microsoft's sign-in names
    for (const claim of ["email", "preferred_username", "upn"]) {
      const value = payload[claim]
      if (typeof value === "string" && value.includes("@")) return value.trim()
    }
    return null
  } catch {
    return null
  }
}

/** The signed-in mailbox and the sender address are the same (case-insensitive). */
export function sameMailbox(identity: string, sender: string): boolean {
  return identity.trim().toLowerCase() === sender.trim().toLowerCase()
}
