/**
 * Reading the TXT records a sender domain publishes: SPF (RFC 7208), DKIM key records
 * (RFC 6376 tag lists) and DMARC (RFC 7489). Pure; the lookups happen in dns/ of the module.
 */

/** A TXT record arrives as its character-strings (each ≤ 255 bytes); the record is their concatenation. */
export function joinTxt(chunks: readonly string[]): string {
  return chunks.join("")
}

/**
 * A DKIM or DMARC tag list (`v=DKIM1; k=rsa; p=…`) as a map of lower-case tag names. Spaces
 * around tags and values are dropped (DNS admins fold long keys); `null` when a tag repeats or
 * has no `=`, which makes the record invalid for a verifier too.
 */
export function parseTagList(text: string): Map<string, string> | null {
  const tags = new Map<string, string>()
  for (const part of text.split(";")) {
    if (part.trim() === "") continue
    const eq = part.indexOf("=")
    if (eq < 1) return null
    const name = part.slice(0, eq).trim().toLowerCase()
    if (name === "" || tags.has(name)) return null
    tags.set(name, part.slice(eq + 1).trim())
  }
  return tags
}

/** RFC 7208 4.5: an SPF record starts with exactly `v=spf1`, followed by a space or nothing. */
export function isSpfRecord(text: string): boolean {
  return /^v=spf1(\s|$)/i.test(text.trim())
}

/** The `all` mechanism's qualifier ("+", "-", "~", "?"), or null when the record has none. */
export function spfAllQualifier(text: string): string | null {
  const term = text
    .trim()
    .split(/\s+/)
    .find((t) => /^[+\-~?]?all$/i.test(t))
  if (!term) return null
  return /^[+\-~?]/.test(term) ? term[0] : "+"
}

/** RFC 7489 6.4: a DMARC record's first tag is `v=DMARC1`. */
export function isDmarcRecord(text: string): boolean {
  return /^v\s*=\s*DMARC1\s*(;|$)/i.test(text.trim())
}

/** A DKIM key record: no `v` tag or `v=DKIM1` first (RFC 6376 3.6.1); anything else is someone else's TXT. */
export function isDkimRecord(text: string): boolean {
  const tags = parseTagList(text)
  if (!tags) return /^\s*v\s*=\s*DKIM1/i.test(text)
  return tags.has("p") && (!tags.has("v") || tags.get("v")!.toUpperCase() === "DKIM1")
}

/** The public key (`p=`) of a DKIM record with its folding whitespace removed; "" is a revoked key. */
export function dkimPublicKey(text: string): string | null {
  const p = parseTagList(text)?.get("p")
  return p === undefined ? null : p.replace(/\s+/g, "")
}
