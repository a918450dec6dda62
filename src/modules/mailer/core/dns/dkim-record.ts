/**
 * The DKIM TXT record the merchant publishes for a generated key, and the names it lives at.
 * Pure: the key pair is made in the module (node:crypto); here only text is built and checked.
 */

export interface DnsTxtRecord {
  /** Fully qualified name, without the trailing dot. */
  name: string
  type: "TXT"
  /** The record's text as one string (what most DNS admin panels take). */
  value: string
  /**
   * The same text cut into ≤ 255-character strings: one TXT string may hold at most 255
   * bytes (RFC 1035 3.3.14), and a 2048-bit key does not fit into one. Zone files and
   * some panels need them entered as separate quoted strings.
   */
  strings: string[]
}

export const TXT_STRING_MAX = 255

export function splitTxtValue(value: string, max = TXT_STRING_MAX): string[] {
  const strings: string[] = []
  for (let i = 0; i < value.length; i += max) strings.push(value.slice(i, i + max))
  return strings.length ? strings : [""]
}

export function txtRecord(name: string, value: string): DnsTxtRecord {
  return { name, type: "TXT", value, strings: splitTxtValue(value) }
}

export function dkimRecordName(selector: string, domain: string): string {
  return `${selector}._domainkey.${domain}`
}

/** `v=DKIM1; k=rsa; p=<base64 of the SubjectPublicKeyInfo DER>`. */
export function dkimRecordValue(publicKeyBase64: string): string {
  return `v=DKIM1; k=rsa; p=${publicKeyBase64}`
}

export function dkimRecord(selector: string, domain: string, publicKeyBase64: string): DnsTxtRecord {
  return txtRecord(dkimRecordName(selector, domain), dkimRecordValue(publicKeyBase64))
}

/**
 * The default selector: "mailer" plus the year and month (mailer202612). A dated selector lets
 * a merchant publish next year's key beside the current one and switch without a gap.
 */
export function defaultDkimSelector(now: Date): string {
  return `mailer${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, "0")}`
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i

/** A selector is one or more DNS labels (RFC 6376 3.1), e.g. "mailer202612" or "shop.2026". */
export function isValidSelector(selector: string): boolean {
  return selector.length <= 63 && selector.split(".").every((label) => LABEL.test(label))
}

/** A domain we can publish under: at least two labels, no wildcard, no trailing dot, ≤ 253 characters. */
export function isValidDomain(domain: string): boolean {
  const labels = domain.split(".")
  return domain.length <= 253 && labels.length >= 2 && labels.every((label) => LABEL.test(label)) && !/^\d+$/.test(labels.at(-1)!)
}

/** The domain of an e-mail address, lower-cased; null when there is none. */
export function domainOfAddress(address: string | null | undefined): string | null {
  const at = address?.lastIndexOf("@") ?? -1
  if (!address || at < 1) return null
  const domain = address.slice(at + 1).trim().toLowerCase().replace(/\.$/, "")
  return domain || null
}

/** The DMARC record to start with: monitoring only (p=none) with aggregate reports to a mailbox of the domain. */
export function dmarcStartRecord(domain: string): DnsTxtRecord {
  return txtRecord(`_dmarc.${domain}`, `v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}`)
}
