import { MailerError, type MailerErrorCode } from "./errors"
import { REDACTED, redactForms, secretForms, type SecretMaterial } from "./redact"

/**
 * Turns whatever nodemailer (or node's net/tls/dns layer) threw into a MailerError from the
 * one error table. The shape read here is nodemailer's `_formatError`: `code` (its own table,
 * e.g. ECONNECTION), `originalCode` (the node code it replaced, e.g. ECONNREFUSED),
 * `responseCode`, `command` ("MAIL FROM", "RCPT TO", "DATA", "AUTH PLAIN", "CONN"…) and
 * `response` (the raw server reply).
 */
interface SmtpLikeError {
  message: string
  code?: string
  originalCode?: string
  responseCode?: number
  command?: string
  response?: string
}

export interface ClassifyOptions {
  /** Values that must never appear in the stored message (each also in its base64 form). */
  redact?: (string | null | undefined)[]
  /** The account's secrets: every form they may be echoed in is removed (see redact.ts). */
  secrets?: SecretMaterial
}

export function classifySmtpError(err: unknown, options: ClassifyOptions = {}): MailerError {
  if (err instanceof MailerError) return options.secrets ? redactMailerError(err, options.secrets) : err
  const smtp = readSmtpError(err)
  const code = pickCode(smtp)
  const forms = formsToRedact(options)
  const message = sanitize(smtp.message, smtp.command, forms)
  const smtpResponse = smtp.response ? sanitize(smtp.response, smtp.command, forms) : undefined
  return new MailerError(code, message || undefined, {
    responseCode: smtp.responseCode,
    command: smtp.command,
    smtpResponse,
    // The raw library error still holds the unredacted reply; an inspected or logged error
    // would print it as [cause], so it is dropped when secrets are known.
    cause: forms.length ? undefined : err,
  })
}

function formsToRedact(options: ClassifyOptions): string[] {
  const plain = (options.redact ?? []).filter((v): v is string => Boolean(v))
  const extra = plain.flatMap((v) => [v, Buffer.from(v, "utf8").toString("base64").replace(/=+$/, "")])
  return [...new Set([...secretForms(options.secrets ?? {}), ...extra])].sort((a, b) => b.length - a.length)
}

/** A MailerError built elsewhere (e.g. by the transport layer) with the account's secrets removed. */
function redactMailerError(err: MailerError, secrets: SecretMaterial): MailerError {
  const forms = secretForms(secrets)
  const message = redactForms(err.message, forms)
  const smtpResponse = err.smtpResponse === undefined ? undefined : redactForms(err.smtpResponse, forms)
  if (message === err.message && smtpResponse === err.smtpResponse) return err
  return new MailerError(err.code, message, { responseCode: err.responseCode, command: err.command, smtpResponse })
}

function readSmtpError(err: unknown): SmtpLikeError {
  if (typeof err !== "object" || err === null) return { message: String(err ?? "") }
  const e = err as Record<string, unknown>
  const text = (v: unknown) => (typeof v === "string" && v ? v : undefined)
  const response = text(e.response)
  return {
    message: text(e.message) ?? "",
    code: text(e.code),
    originalCode: text(e.originalCode),
    responseCode: typeof e.responseCode === "number" ? e.responseCode : responseCodeOf(response),
    command: text(e.command),
    response,
  }
}

function responseCodeOf(response: string | undefined): number | undefined {
  const match = response?.match(/^([2-5]\d\d)[ -]/)
  return match ? Number(match[1]) : undefined
}

/** Order matters: library codes that name the failing step win over the bare reply number. */
function pickCode(e: SmtpLikeError): MailerErrorCode {
  return (
    codeForTls(e) ??
    codeForAuth(e) ??
    codeForResponse(e) ??
    codeForLibraryError(e) ??
    codeForNodeError(e.originalCode ?? e.code) ??
    "UNKNOWN"
  )
}

const TLS_MESSAGE = /wrong version number|ssl routines|self[- ]signed|certificate|tls|ssl3?_|handshake|starttls/i
const TLS_NODE_CODE = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/

function codeForTls(e: SmtpLikeError): MailerErrorCode | undefined {
  if (e.code === "ETLS" || e.code === "EREQUIRETLS") return "SMTP_TLS"
  if (TLS_NODE_CODE.test(e.originalCode ?? e.code ?? "")) return "SMTP_TLS"
  // "530 5.7.0 Must issue a STARTTLS command first" (Gmail) is a TLS setting, not a password problem
  if (e.responseCode === 530 && /starttls|tls/i.test(e.response ?? "")) return "SMTP_TLS"
  // A socket that dies inside the TLS layer (SSL on a plain-text port) surfaces as ESOCKET with an OpenSSL message
  if ((e.code === "ESOCKET" || e.code === "ECONNECTION") && TLS_MESSAGE.test(e.message)) return "SMTP_TLS"
  return undefined
}

const AUTH_RESPONSE_CODES = new Set([530, 534, 535, 538])

function codeForAuth(e: SmtpLikeError): MailerErrorCode | undefined {
  if (e.code === "ENOAUTH") return "SMTP_AUTH_MISSING"
  // "454 4.7.0 Temporary authentication failure": a server-side hiccup, retried like any 4xx
  if (e.responseCode !== undefined && e.responseCode >= 400 && e.responseCode < 500) return undefined
  const duringAuth = /^AUTH\b/i.test(e.command ?? "")
  if (e.responseCode !== undefined && AUTH_RESPONSE_CODES.has(e.responseCode)) {
    // 530 at MAIL FROM/RCPT means we never logged in: the account has no credentials configured
    return e.responseCode === 530 && !duringAuth ? "SMTP_AUTH_MISSING" : "SMTP_AUTH"
  }
  if (e.code === "EAUTH" || e.code === "EOAUTH2") return "SMTP_AUTH"
  return undefined
}

function codeForResponse(e: SmtpLikeError): MailerErrorCode | undefined {
  const rc = e.responseCode
  if (rc === undefined) return undefined
  if (rc >= 400 && rc < 500) return "SMTP_TEMPORARY"
  // 503 "bad sequence of commands" describes the session, not the message (nodemailer treats it alike)
  if (rc === 503) return "SMTP_TEMPORARY"
  if (rc < 500 || rc >= 600) return undefined
  const command = (e.command ?? "").toUpperCase()
  if (command.startsWith("MAIL FROM")) return rc === 552 ? "SMTP_MESSAGE_REJECTED" : "SMTP_SENDER_REJECTED"
  if (command.startsWith("RCPT")) return "SMTP_RECIPIENT_REJECTED"
  if (command.startsWith("DATA") || e.code === "EMESSAGE") return "SMTP_MESSAGE_REJECTED"
  if (e.code === "EENVELOPE") return "SMTP_RECIPIENT_REJECTED"
  return "SMTP_PERMANENT"
}

/** nodemailer's own codes when there was no server reply to judge by. */
function codeForLibraryError(e: SmtpLikeError): MailerErrorCode | undefined {
  switch (e.code) {
    case "ETIMEDOUT":
      return "SMTP_TIMEOUT"
    case "ESOCKET":
      return codeForNodeError(e.originalCode) ?? "SMTP_SOCKET"
    case "ECONNECTION":
    case "EPROXY":
      return codeForNodeError(e.originalCode) ?? "SMTP_CONNECTION"
    case "EDNS":
      // EAI_AGAIN is a resolver hiccup; ENOTFOUND and friends mean the name is wrong
      return e.originalCode === "EAI_AGAIN" ? "SMTP_CONNECTION" : "SMTP_DNS"
    case "EENVELOPE":
    case "EMAXRECIPIENTS":
      return /^Invalid sender/i.test(e.message) ? "SMTP_SENDER_REJECTED" : recipientOrMissing(e)
    case "EMESSAGE":
      return "SMTP_MESSAGE_REJECTED"
    case "EFILEACCESS":
    case "EURLACCESS":
    case "EFETCH":
      return "FILE_ACCESS"
    case "ECONFIG":
      return /dkim/i.test(e.message) ? "DKIM_SIGNING" : "SMTP_PERMANENT"
    case "EPROTOCOL":
    case "EMAXLIMIT":
    case "EABORT":
      return "SMTP_SOCKET"
    default:
      return undefined
  }
}

function recipientOrMissing(e: SmtpLikeError): MailerErrorCode {
  return /no recipients/i.test(e.message) ? "NO_RECIPIENT" : "SMTP_RECIPIENT_REJECTED"
}

/** Raw node errors, thrown before nodemailer wrapped them or kept as `originalCode`. */
function codeForNodeError(code: string | undefined): MailerErrorCode | undefined {
  switch (code) {
    case "ECONNREFUSED":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "EADDRNOTAVAIL":
    case "EAI_AGAIN":
      return "SMTP_CONNECTION"
    case "ENOTFOUND":
    case "EAI_NONAME":
    case "EAI_NODATA":
      return "SMTP_DNS"
    case "ECONNRESET":
    case "EPIPE":
    case "ECONNABORTED":
      return "SMTP_SOCKET"
    case "ETIMEDOUT":
    case "ESOCKETTIMEDOUT":
      return "SMTP_TIMEOUT"
    case "ENOENT":
    case "EACCES":
      return "FILE_ACCESS"
    case "ERR_UNKNOWN_ENCODING":
      return "ENCODING"
    default:
      return undefined
  }
}

const BASE64_TOKEN = /[A-Za-z0-9+/]{8,}={0,2}/g

// Plain words in a server's reply ("Authentication credentials invalid") stay
// readable; encoded credentials have digits, +, /, padding or inner capitals.
function looksEncoded(token: string): boolean {
  return /[0-9+/=]/.test(token) || /[a-z][A-Z]/.test(token)
}

/**
 * Servers sometimes echo what they could not parse. During AUTH that is base64 of the user name
 * and password, so every base64-looking token there is dropped; known secrets (and their base64
 * forms) are removed everywhere.
 */
function sanitize(text: string, command: string | undefined, forms: readonly string[]): string {
  let out = redactForms(text, forms)
  if (/^AUTH\b/i.test(command ?? "")) out = out.replace(BASE64_TOKEN, (t) => (looksEncoded(t) ? REDACTED : t))
  // one line: the message ends up in log columns and admin tables
  return out.replace(/[\r\n]+/g, " ").trim()
}

const PLAIN_TEXT_DURING_HANDSHAKE = /wrong version number|packet length too long|unknown protocol|http request|record layer failure/i

/**
 * A connection check (verify, test and save) names the likely cause where the generic code
 * would not: no greeting within the time limit while we wait in plain text means the server
 * waits for a TLS handshake (SSL port with STARTTLS or none); a handshake that fails because
 * the server answered in plain text means SSL on a STARTTLS port. Delivery keeps the generic
 * codes: there a timeout is retried, and a single one proves little.
 */
export function explainConnectionCheck(error: MailerError, security: string): MailerError {
  const details = { responseCode: error.responseCode, command: error.command, smtpResponse: error.smtpResponse }
  if (security !== "ssl" && error.code === "SMTP_TIMEOUT" && isGreetingWait(error)) {
    return new MailerError("SMTP_EXPECTS_SSL", error.message, details)
  }
  const handshake = error.code === "SMTP_TLS" || error.code === "SMTP_SOCKET" || error.code === "SMTP_CONNECTION"
  if (security === "ssl" && handshake && PLAIN_TEXT_DURING_HANDSHAKE.test(error.message)) {
    return new MailerError("SMTP_EXPECTS_STARTTLS", error.message, details)
  }
  return error
}

// nodemailer: "Greeting never received". A connection that never opened (a firewall) reads
// differently and keeps SMTP_TIMEOUT.
function isGreetingWait(error: MailerError): boolean {
  return /greeting/i.test(error.message)
}
