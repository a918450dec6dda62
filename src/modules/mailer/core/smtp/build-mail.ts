import type { SendMailOptions } from "nodemailer/lib/mailer"
import { parseSingleAddress } from "../addresses"
import { MailerError } from "../errors"
import type { Recipients } from "../test-mode"

/**
 * The nodemailer message for one outbox row. The SMTP envelope is set explicitly (not derived
 * from the headers), so what the log records as "envelope actually used" is exactly what is
 * sent, and BCC recipients exist only there, never in a header.
 */
export interface BuildMailInput {
  from: { name?: string | null; address: string }
  replyTo?: string | null
  /** Recipients already routed (test mode applied); bareAddress checks each one again here. */
  envelope: Recipients
  subject: string
  html: string
  text: string
  messageId: string
  headers?: Record<string, string>
}

// Headers the builder owns; a caller-supplied one would contradict the envelope or the Message-ID
const RESERVED_HEADERS = new Set([
  "from", "to", "cc", "bcc", "reply-to", "sender", "subject", "message-id", "date",
  "mime-version", "content-type", "content-transfer-encoding", "return-path", "dkim-signature",
])
// RFC 5322 field name: printable US-ASCII except colon
const HEADER_NAME = /^[!-9;-~]+$/

/**
 * One mail as every transport receives it (delivery/transports/contract.ts). nodemailer's
 * message shape, which an HTTP e-mail API maps from as easily as SMTP sends it.
 */
export type OutgoingMail = SendMailOptions

export function buildMailOptions(input: BuildMailInput): OutgoingMail {
  const to = unique(input.envelope.to.map(bareAddress))
  const cc = unique(input.envelope.cc.map(bareAddress))
  const everyone = unique([...to, ...cc, ...input.envelope.bcc.map(bareAddress)])
  if (everyone.length === 0) throw new MailerError("NO_RECIPIENT")
  const fromName = oneLine(input.from.name ?? "")
  const options: SendMailOptions = {
    from: fromName ? { name: fromName, address: input.from.address } : input.from.address,
    // visible headers: To and Cc only; Bcc lives in the envelope alone
    to,
    cc,
    subject: oneLine(input.subject),
    html: input.html,
    text: input.text,
    messageId: input.messageId,
    envelope: { from: input.from.address, to: everyone },
    headers: safeHeaders(input.headers),
    disableFileAccess: true,
    disableUrlAccess: true,
  }
  // empty lists are left out rather than sent as empty headers
  if (to.length === 0) delete options.to
  if (cc.length === 0) delete options.cc
  if (input.replyTo) options.replyTo = input.replyTo.trim()
  return options
}

/**
 * The last line of defence: rows are checked when written, but a row from before that check (or
 * written by other code) must not reach RCPT TO with a list, a display name or a line break in
 * one entry. nodemailer would split "a@x, b@y" into two recipients.
 */
function bareAddress(entry: string): string {
  const address = parseSingleAddress(entry)
  if (!address) throw new MailerError("RECIPIENT_INVALID", `Invalid recipient ${JSON.stringify(String(entry).slice(0, 320))}`)
  return address
}

/** CR/LF (and other control characters) folded to spaces: one header, one line. */
function oneLine(value: string): string {
  return value.replace(/[\r\n\t\u0000-\u001f\u007f]+/g, " ").replace(/ {2,}/g, " ").trim()
}

function unique(addresses: string[]): string[] {
  const seen = new Set<string>()
  return addresses.filter((address) => {
    const key = address.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function safeHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase())) continue
    out[name] = oneLine(String(value))
  }
  return out
}

/**
 * `<rowId@sender-domain>`: stable across retries of the same row, so a receiver that got the
 * mail although we saw a timeout after the final "." can drop the duplicate.
 */
export function buildMessageId(rowId: string, senderEmail: string): string {
  const local = rowId.replace(/[^A-Za-z0-9._-]/g, "")
  if (!local) throw new TypeError("buildMessageId: rowId is empty")
  const at = senderEmail.lastIndexOf("@")
  const domain = (at >= 0 ? senderEmail.slice(at + 1) : "").toLowerCase().replace(/[^a-z0-9.-]/g, "")
  return `<${local}@${domain || "mailer.invalid"}>`
}
