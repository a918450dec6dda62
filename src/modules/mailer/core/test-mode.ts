import { isValidEmail, parseSingleAddress } from "./addresses"
import { escapeHtml } from "./html-escape"

/**
 * Test-mode routing: while an account is in test mode every mail goes to the shop's own test
 * address only, and says in subject, HTML and text whom it would have reached.
 *
 * The decision is taken once, when the outbox row is written (decideTestMode), and recorded on
 * the row with the test address: a mail created in test mode stays a test mail even if test mode
 * is switched off before a retry, and a mail created live stays live. `deliver` applies the
 * recorded routing (routeForTestMode) right before sending and nowhere else, so no path (event,
 * resend, test mail, notification provider) can skip it. Pure: same input, same output.
 */
export interface Recipients {
  to: string[]
  cc: string[]
  bcc: string[]
}

export interface RoutedMail {
  /** The recipients actually used for the SMTP envelope and the visible headers. */
  envelope: Recipients
  subject: string
  html: string
  text: string
  rerouted: boolean
  /** The recipients the mail was meant for (a copy of the input). */
  original: Recipients
}

export interface TestModeInput {
  recipients: Recipients
  subject: string
  html: string
  text: string
  testMode: boolean
  testRecipient: string
  lang: "de" | "en"
}

const LABELS = {
  de: {
    banner: "Testmodus: Diese E-Mail wurde nur an die Testadresse gesendet. Ohne Testmodus wäre sie an folgende Empfänger gegangen:",
    none: "(keine)",
  },
  en: {
    banner: "Test mode: this e-mail was sent to the test address only. Without test mode it would have gone to:",
    none: "(none)",
  },
} as const

export interface RecordedTestMode {
  test_mode: boolean
  /** The shop's own address the test mail goes to; null when live (or when none is usable). */
  test_recipient: string | null
}

/**
 * The routing to record on a new row, from the sending account as it is now: its test mode and
 * its test address (default: its sender address). Without an account the row cannot be sent
 * at all, so it is recorded as live; delivery fails it for the missing account.
 */
export function decideTestMode(
  account: { test_mode?: boolean | null; test_recipient?: string | null; sender_email?: string | null } | null | undefined
): RecordedTestMode {
  if (!account?.test_mode) return { test_mode: false, test_recipient: null }
  return { test_mode: true, test_recipient: parseSingleAddress(account.test_recipient || account.sender_email || "") }
}

export function routeForTestMode(input: TestModeInput): RoutedMail {
  const original = copyRecipients(input.recipients)
  if (!input.testMode) {
    return { envelope: copyRecipients(original), subject: input.subject, html: input.html, text: input.text, rerouted: false, original }
  }
  const testRecipient = input.testRecipient?.trim()
  // Fail closed: without a usable test address the envelope is empty (the caller records
  // NO_RECIPIENT); the mail must never fall back to the original recipients
  const to = isValidEmail(testRecipient) ? [testRecipient] : []
  return {
    envelope: { to, cc: [], bcc: [] },
    subject: testSubject(input.subject, original),
    html: insertHtmlBanner(input.html, htmlBanner(original, input.lang)),
    text: textBanner(original, input.lang) + input.text,
    rerouted: true,
    original,
  }
}

function copyRecipients(r: Recipients): Recipients {
  return { to: [...(r?.to ?? [])], cc: [...(r?.cc ?? [])], bcc: [...(r?.bcc ?? [])] }
}

/**
 * "[TEST → kunde@example.com +2] Ihre Bestellung". Names the first To address only (BCC never),
 * so the subject stays short and does not reveal blind copies.
 */
function testSubject(subject: string, original: Recipients): string {
  const first = original.to[0]
  const others = original.to.length + original.cc.length + original.bcc.length - (first ? 1 : 0)
  const named = first ? ` → ${first}` : ""
  const more = others > 0 ? ` +${others}` : ""
  return `[TEST${named}${more}] ${subject}`
}

function recipientLines(original: Recipients, lang: "de" | "en"): [string, string][] {
  const list = (addresses: string[]) => (addresses.length ? addresses.join(", ") : LABELS[lang].none)
  return [
    ["To", list(original.to)],
    ["CC", list(original.cc)],
    ["BCC", list(original.bcc)],
  ]
}

function htmlBanner(original: Recipients, lang: "de" | "en"): string {
  const rows = recipientLines(original, lang)
    .map(([label, value]) => `<div><strong>${label}:</strong> ${escapeHtml(value)}</div>`)
    .join("")
  return (
    `<div data-mailer-test-banner="" style="background:#fff3cd;border:2px solid #e0a800;color:#533f03;` +
    `padding:12px 16px;margin:0 0 16px 0;font:14px/1.4 Arial,sans-serif;">` +
    `<div style="font-weight:bold;margin-bottom:6px;">${escapeHtml(LABELS[lang].banner)}</div>${rows}</div>`
  )
}

function insertHtmlBanner(html: string, banner: string): string {
  const body = /<body\b[^>]*>/i.exec(html)
  if (!body) return banner + html
  const end = body.index + body[0].length
  return html.slice(0, end) + banner + html.slice(end)
}

function textBanner(original: Recipients, lang: "de" | "en"): string {
  const rows = recipientLines(original, lang).map(([label, value]) => `${label}: ${value}`)
  return [`*** ${LABELS[lang].banner}`, ...rows, "***", "", ""].join("\n")
}
