import { createPrivateKey } from "node:crypto"
import { isIP } from "node:net"
import type { SMTPPoolOptions } from "nodemailer/lib/smtp-pool"
import { MailerError } from "../errors"
import { isForbiddenHost, isLoopbackHost } from "./host-policy"

/**
 * Account row → nodemailer transport options. The result holds the decrypted password and
 * DKIM key: never log it, never return it from an API.
 */
export type SmtpSecurity = "ssl" | "starttls" | "none"

export interface SmtpAccountSettings {
  host: string
  port: number
  security: SmtpSecurity
  auth_required: boolean
  username?: string | null
  /** "oauth2": XOAUTH2 with an access token (secrets.oauth2) instead of user name and password. */
  auth_method?: string | null
  /** Messages per batch; with rate_limit_pause_ms becomes the pool's rateLimit per rateDelta. */
  rate_limit_messages?: number | null
  rate_limit_pause_ms?: number | null
  dkim_domain?: string | null
  dkim_selector?: string | null
}

export interface SmtpSecrets {
  password?: string | null
  dkimPrivateKey?: string | null
  /** OAuth2 accounts: where access tokens come from (src/modules/mailer/oauth/), instead of a password. */
  oauth2?: OAuth2TokenSource | null
}

/**
 * Access tokens for XOAUTH2. `renew`: the server refused the last one, get another (the source
 * refreshes once, shared by concurrent callers). Resolves with the token and its expiry (epoch ms).
 */
export interface OAuth2TokenSource {
  user: string
  token(renew: boolean): Promise<{ accessToken: string; expiresAt: number }>
}

export interface TransportOptionOverrides {
  pool?: boolean
  connectionTimeoutMs?: number
  greetingTimeoutMs?: number
  socketTimeoutMs?: number
  /** EHLO name; nodemailer's default is the machine's host name. */
  name?: string
}

/** SMTPTransport options plus the pool fields (pool, maxConnections, maxMessages, rateLimit, rateDelta). */
export type MailerTransportOptions = SMTPPoolOptions

// nodemailer's defaults (2 min connect, 10 min idle) would hold a worker's lease for minutes
const DEFAULT_CONNECTION_TIMEOUT_MS = 10_000
const DEFAULT_GREETING_TIMEOUT_MS = 10_000
const DEFAULT_SOCKET_TIMEOUT_MS = 30_000
// Mailbox providers throttle or block parallel logins; two connections are plenty for a shop
const POOL_MAX_CONNECTIONS = 2
const POOL_MAX_MESSAGES = 100

export function toTransportOptions(
  account: SmtpAccountSettings,
  secrets: SmtpSecrets,
  opts: TransportOptionOverrides = {}
): MailerTransportOptions {
  assertConnectable(account)
  const pool = opts.pool ?? true
  const connectionTimeout = opts.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS
  const options: MailerTransportOptions = {
    host: account.host.trim(),
    port: account.port,
    ...securityOptions(account.security),
    connectionTimeout,
    greetingTimeout: opts.greetingTimeoutMs ?? DEFAULT_GREETING_TIMEOUT_MS,
    socketTimeout: opts.socketTimeoutMs ?? DEFAULT_SOCKET_TIMEOUT_MS,
    dnsTimeout: connectionTimeout,
    // attachments are passed as content; a path or URL would let a template read server files
    disableFileAccess: true,
    disableUrlAccess: true,
    // no transcripts: they would contain the mail and, at debug level, the AUTH exchange
    logger: false,
    debug: false,
    transactionLog: false,
    ...(opts.name ? { name: opts.name } : {}),
  }
  if (account.auth_method === "oauth2") options.auth = oauth2Options(secrets) as any
  else if (account.auth_required) options.auth = authOptions(account, secrets)
  if (pool) Object.assign(options, poolOptions(account))
  const dkim = dkimOptions(account, secrets)
  if (dkim) options.dkim = dkim
  return options
}

/**
 * Refuses settings no connection may be opened with, whichever path (verify, test and save,
 * delivery) asks: a forbidden host (see host-policy.ts), and a login in plain text to another
 * machine, which would hand the password to anyone on the way (or to whoever the host was
 * pointed at).
 */
function assertConnectable(account: SmtpAccountSettings): void {
  if (isForbiddenHost(account.host)) {
    throw new MailerError("SMTP_HOST_NOT_ALLOWED", `connections to ${account.host.trim()} are not allowed`)
  }
  const login = account.auth_required || account.auth_method === "oauth2"
  if (login && account.security === "none" && !isLoopbackHost(account.host)) {
    throw new MailerError("SMTP_PLAINTEXT_AUTH", "a login without TLS is only sent to a server on this machine")
  }
}

function securityOptions(security: SmtpSecurity): Pick<MailerTransportOptions, "secure" | "requireTLS" | "ignoreTLS"> {
  switch (security) {
    case "ssl":
      return { secure: true }
    case "starttls":
      // requireTLS: never fall back to plain text, so credentials are not sent unencrypted
      return { secure: false, requireTLS: true }
    case "none":
      return { secure: false, ignoreTLS: true }
    default:
      throw new MailerError("SMTP_TLS", `unknown security setting ${JSON.stringify(security)}`)
  }
}

function authOptions(account: SmtpAccountSettings, secrets: SmtpSecrets): { user: string; pass: string } {
  const user = account.username?.trim()
  const pass = secrets.password
  if (!user || !pass) {
    // Caught here rather than by the server: the error names the missing setting
    throw new MailerError("SMTP_AUTH_MISSING", "authentication is required but user name or password is empty")
  }
  return { user, pass }
}

/**
 * nodemailer's XOAUTH2 with a provisionCallback: it asks for a token when a connection logs in,
 * reuses it until `expires`, and when the server refuses it (334 + error JSON) asks once more
 * with renew=true before giving up.
 */
function oauth2Options(secrets: SmtpSecrets) {
  const source = secrets.oauth2
  if (!source) throw new MailerError("OAUTH_NOT_CONNECTED")
  return {
    type: "OAuth2",
    user: source.user,
    provisionCallback: (_user: string, renew: boolean, callback: (err: Error | null, token?: string, expires?: number) => void) => {
      source.token(renew).then(
        // renewed a minute early, like the source's own margin: no login with a token about to lapse
        (t) => callback(null, t.accessToken, t.expiresAt - 60_000),
        (err) => callback(tokenFailure(err))
      )
    },
  }
}

/**
 * nodemailer rewrites the error it gets from the callback (its code becomes EAUTH), so the
 * table's code travels as `mailerError` on a plain Error; the SMTP classifier takes it from there.
 */
function tokenFailure(err: unknown): Error {
  const failure = new Error(err instanceof Error ? err.message : String(err))
  Object.defineProperty(failure, "mailerError", { value: err, enumerable: false })
  return failure
}

function poolOptions(account: SmtpAccountSettings): Partial<MailerTransportOptions> {
  const pool: Partial<MailerTransportOptions> = {
    pool: true,
    maxConnections: POOL_MAX_CONNECTIONS,
    maxMessages: POOL_MAX_MESSAGES,
  }
  const messages = account.rate_limit_messages
  const pauseMs = account.rate_limit_pause_ms
  if (isPositive(messages) && isPositive(pauseMs)) {
    pool.rateLimit = Math.floor(messages)
    pool.rateDelta = Math.floor(pauseMs)
  }
  return pool
}

function isPositive(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 1
}

function dkimOptions(account: SmtpAccountSettings, secrets: SmtpSecrets): MailerTransportOptions["dkim"] {
  const domainName = account.dkim_domain?.trim()
  const keySelector = account.dkim_selector?.trim()
  const privateKey = secrets.dkimPrivateKey?.trim()
  if (!domainName || !keySelector || !privateKey) return undefined
  // nodemailer silently sends unsigned mail when the key does not load; fail loudly instead
  if (!isValidDkimPrivateKey(privateKey)) {
    throw new MailerError("DKIM_SIGNING", "the DKIM private key cannot be read (PEM expected)")
  }
  return { domainName, keySelector, privateKey }
}

/** True when `pem` loads as a private key; for validating the field on save, too. */
export function isValidDkimPrivateKey(pem: string): boolean {
  try {
    createPrivateKey(pem)
    return true
  } catch {
    return false
  }
}

export interface SecurityWarning {
  code: string
  message_en: string
  message_de: string
}

const WARNINGS = {
  PORT_465_NEEDS_SSL: {
    message_en: "Port 465 expects SSL (implicit TLS). With STARTTLS or no encryption the connection will time out.",
    message_de: "Port 465 erwartet SSL (implizites TLS). Mit STARTTLS oder ohne Verschlüsselung läuft die Verbindung in eine Zeitüberschreitung.",
  },
  PORT_NEEDS_STARTTLS: {
    message_en: "Ports 587 and 25 expect STARTTLS. With SSL the TLS handshake will fail.",
    message_de: "Die Ports 587 und 25 erwarten STARTTLS. Mit SSL schlägt der TLS-Verbindungsaufbau fehl.",
  },
  UNENCRYPTED_PUBLIC_HOST: {
    message_en: "Without encryption, password and mails travel over the internet in plain text. Choose STARTTLS or SSL.",
    message_de: "Ohne Verschlüsselung werden Passwort und E-Mails im Klartext über das Internet übertragen. Wählen Sie STARTTLS oder SSL.",
  },
} as const

export function securityWarnings(account: { host: string; port: number; security: SmtpSecurity }): SecurityWarning[] {
  const codes: (keyof typeof WARNINGS)[] = []
  if (account.port === 465 && account.security !== "ssl") codes.push("PORT_465_NEEDS_SSL")
  if ((account.port === 587 || account.port === 25) && account.security === "ssl") codes.push("PORT_NEEDS_STARTTLS")
  if (account.security === "none" && !isLocalHost(account.host)) codes.push("UNENCRYPTED_PUBLIC_HOST")
  return codes.map((code) => ({ code, ...WARNINGS[code] }))
}

/** Loopback, *.local(host) and private ranges: plain text there does not cross the internet. */
export function isLocalHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "")
  if (h === "localhost" || h.endsWith(".localhost") || h.endsWith(".local")) return true
  const family = isIP(h)
  if (family === 4) return isPrivateIPv4(h)
  if (family === 6) return isPrivateIPv6(h)
  return false
}

// Link-local (169.254/16, fe80::/10) is not "local" here: the plugin never connects there.
function isPrivateIPv4(ip: string): boolean {
  const [a, b] = ip.split(".").map(Number)
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)
}

function isPrivateIPv6(ip: string): boolean {
  if (ip === "::1") return true
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip)
  if (mapped) return isPrivateIPv4(mapped[1])
  // fc00::/7 unique local
  return /^f[cd][0-9a-f]{0,2}:/.test(ip)
}
