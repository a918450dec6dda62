/**
 * E-mail address validation, applied once at the boundary (when an outbox row is created or an
 * account saved) so nothing downstream has to re-check. Only bare addresses are accepted — no
 * display names, no quoted local parts, no comments — because every extra syntax is a way to
 * smuggle a second recipient into a header or the SMTP envelope: `"evil@attacker.com x"@shop.test`
 * is a valid RFC 5322 address that some parsers route to attacker.com. nodemailer's envelope
 * rejects /[\r\n<>]/; we reject those plus quotes, whitespace and anything outside dot-atom.
 *
 * The apostrophe stays allowed (o'neill@example.com is a real, common address and RFC atext).
 *
 * Internationalised domains (müller-shop.de, and lookalikes such as pаypal.com with a Cyrillic
 * "а") are accepted as ONE recipient and stored in their ASCII (punycode) form, which is what
 * goes into RCPT TO anyway. A lookalike is the customer's own choice of address: mailing it
 * reaches one mailbox, as the customer asked, and the log shows `xn--pypal-4ve.com`, so nobody
 * reading it mistakes it for the real domain. Refusing IDNs would refuse real German addresses.
 */

import { domainToASCII } from "node:url"

// RFC 5322 atext without the double quote (which is not atext anyway) — dot-atom only
const LOCAL_ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
const LOCAL_PART = new RegExp(`^${LOCAL_ATOM}(?:\\.${LOCAL_ATOM})*$`)
// letters/digits of any script (IDN, nodemailer punycodes them), hyphen only inside a label
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u
const FORBIDDEN = /[\s"<>\\,;()[\]\u0000-\u001f\u007f]/

export class AddressError extends Error {
  /** The offending input, exactly as given. */
  readonly value: string
  /** All offending entries when a list was parsed. */
  readonly values: string[]

  constructor(values: string[]) {
    // JSON.stringify keeps a CR/LF in the value from breaking the log line it ends up in
    super(`Invalid e-mail address: ${values.map((v) => JSON.stringify(v)).join(", ")}`)
    this.name = "AddressError"
    this.value = values[0] ?? ""
    this.values = values
  }
}

export function isValidEmail(s: unknown): s is string {
  if (typeof s !== "string") return false
  if (s.length === 0 || s.length > 254 || FORBIDDEN.test(s)) return false
  const at = s.lastIndexOf("@")
  if (at <= 0 || at !== s.indexOf("@")) return false
  const local = s.slice(0, at)
  const domain = s.slice(at + 1)
  return local.length <= 64 && LOCAL_PART.test(local) && isValidDomain(domain)
}

function isValidDomain(domain: string): boolean {
  const labels = domain.split(".")
  if (labels.length < 2) return false
  // a TLD must contain a letter, so "user@1.2.3.4" is not taken for a domain
  if (!/\p{L}/u.test(labels[labels.length - 1])) return false
  return labels.every((label) => DOMAIN_LABEL.test(label))
}

/** Trims and lowercases the domain; the local part keeps its case (it may be case-sensitive). */
export function normalizeEmail(s: string): string {
  const trimmed = s.trim()
  const at = trimmed.lastIndexOf("@")
  if (at < 0) return trimmed
  return trimmed.slice(0, at) + "@" + trimmed.slice(at + 1).toLowerCase()
}

export interface SplitAddresses {
  valid: string[]
  invalid: string[]
}

/**
 * Splits "a@x.de, b@y.de; c@z.de" (or an array of such strings) into normalized valid
 * addresses (deduplicated, case-insensitively, first spelling kept) and the invalid entries.
 * Only comma and semicolon separate; a CR or LF inside an entry makes that entry invalid
 * rather than starting a new one.
 */
export function splitAddressList(input: string | string[] | null | undefined): SplitAddresses {
  const entries = (Array.isArray(input) ? input : [input ?? ""])
    .flatMap((part) => String(part ?? "").split(/[,;]/))
    .map((entry) => entry.replace(/^[ \t]+|[ \t]+$/g, ""))
    .filter((entry) => entry.length > 0)
  const valid: string[] = []
  const invalid: string[] = []
  const seen = new Set<string>()
  for (const entry of entries) {
    const address = normalizeEmail(entry)
    if (entry !== entry.trim() || !isValidEmail(address)) {
      invalid.push(entry)
      continue
    }
    const key = address.toLowerCase()
    if (!seen.has(key)) {
      seen.add(key)
      valid.push(address)
    }
  }
  return { valid, invalid }
}

/** Like splitAddressList, but throws AddressError naming the invalid entries. */
export function parseAddressList(input: string | string[] | null | undefined): string[] {
  const { valid, invalid } = splitAddressList(input)
  if (invalid.length > 0) throw new AddressError(invalid)
  return valid
}

// Stored values of invalid input are cut here: the log shows what the shop data held, not 10 kB of it
const MAX_LOGGED_INPUT = 320

/**
 * One customer-derived recipient: exactly one bare address (surrounding spaces and tabs are
 * ignored), returned with a lowercase ASCII domain, or null. Lists ("a@x, b@y", "a@x; b@y"),
 * display names ("Name <evil@x>"), CR/LF and anything nodemailer might parse into a second
 * address are refused as a whole, never split or "cleaned" into something that gets sent.
 */
export function parseSingleAddress(input: unknown): string | null {
  if (typeof input !== "string") return null
  const bare = input.replace(/^[ \t]+|[ \t]+$/g, "")
  // checked before normalizeEmail, whose trim() would quietly drop a trailing CR/LF
  if (!isValidEmail(bare)) return null
  const address = normalizeEmail(bare)
  const at = address.lastIndexOf("@")
  const asciiDomain = domainToASCII(address.slice(at + 1))
  const ascii = `${address.slice(0, at)}@${asciiDomain}`
  return asciiDomain && isValidEmail(ascii) ? ascii : null
}

export interface RowRecipients {
  to: string[]
  cc: string[]
  bcc: string[]
}

export type RecipientCheck =
  | { ok: true; recipients: RowRecipients }
  | { ok: false; code: "NO_RECIPIENT" | "RECIPIENT_INVALID"; field: "to" | "cc" | "bcc"; value: string }

/**
 * The recipients of an outbox row, checked when the row is written. `to` comes from shop data
 * (an order's or account's e-mail, a reset request's identifier) and must be exactly one
 * address; a one-element array counts as that address. cc/bcc come from the account and may
 * hold several, each a single address. Any invalid entry refuses the whole mail.
 */
export function checkRecipients(input: { to?: unknown; cc?: unknown; bcc?: unknown }): RecipientCheck {
  const to = entriesOf(input.to)
  if (to.length === 0) return { ok: false, code: "NO_RECIPIENT", field: "to", value: "" }
  const single = to.length === 1 ? parseSingleAddress(to[0]) : null
  if (!single) return { ok: false, code: "RECIPIENT_INVALID", field: "to", value: loggable(to) }
  const copies: Record<"cc" | "bcc", string[]> = { cc: [], bcc: [] }
  for (const field of ["cc", "bcc"] as const) {
    for (const entry of entriesOf(input[field])) {
      const address = parseSingleAddress(entry)
      if (!address) return { ok: false, code: "RECIPIENT_INVALID", field, value: loggable([entry]) }
      copies[field].push(address)
    }
  }
  return { ok: true, recipients: { to: [single], cc: copies.cc, bcc: copies.bcc } }
}

/** A string or list as its non-empty entries (null, undefined and "" mean none). */
function entriesOf(value: unknown): unknown[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]
  return list.filter((entry) => !(entry === null || entry === undefined || entry === ""))
}

/** The invalid input as one string for the log, cut; whoever prints it must quote it (JSON.stringify). */
function loggable(entries: unknown[]): string {
  const text = entries.map((entry) => (typeof entry === "string" ? entry : JSON.stringify(entry))).join(", ")
  return text.length > MAX_LOGGED_INPUT ? `${text.slice(0, MAX_LOGGED_INPUT)}…` : text
}
