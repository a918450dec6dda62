import type { RetryPolicy } from "./core/backoff"

/** Options given in medusa-config.ts `plugins: [{ resolve, options }]`. */
export interface MailerPluginOptions {
  /** base64 of 32 random bytes; defaults to the MAILER_SECRET_KEY environment variable. */
  secret_key?: string
  /** Older keys still accepted for decryption while rows are re-encrypted (key rotation). */
  previous_secret_keys?: string[]
  /** Absolute storefront URL for links in mails (password reset, account); the admin's settings win. */
  storefront_url?: string
  /** Absolute admin URL (e.g. https://shop.example.com/app) for reset and invitation links. */
  admin_url?: string
  /**
   * Absolute URL of this Medusa backend (e.g. https://api.shop.example), for the OAuth2 redirect
   * URL `<backend_url>/admin/mailer/oauth/callback`; default MEDUSA_BACKEND_URL, then the admin's
   * backendUrl, then the request's host.
   */
  backend_url?: string
  /** Language used when neither the order nor the customer names one (default "de"). */
  default_locale?: string
  retry?: Partial<RetryPolicy>
  /**
   * Retries of an event whose processing failed before its mail was written (loading the order,
   * rendering): delays in ms (default 30 s doubling up to 15 min, full jitter) and how long
   * (default: retry.lifetimeMs, 3 days). See src/modules/mailer/inbox/.
   */
  event_retry?: { baseDelayMs?: number; maxDelayMs?: number; lifetimeMs?: number }
  /**
   * How long a claimed message may stay "sending" before another worker may take it over
   * (default 2 min: longer than a slow send's connect, greeting and socket timeouts together,
   * short enough that mail a crashed process held goes out within minutes of a restart).
   */
  lease_ms?: number
  /** A starting worker sends what is due after this delay, not at the outbox job's next run (default 2000; null: off). */
  start_drain_delay_ms?: number | null
  /** How many due messages one run of the outbox job delivers. */
  drain_batch_size?: number
  smtp_timeouts?: { connection_ms?: number; greeting_ms?: number; socket_ms?: number }
  /** How many password-reset and invitation mails one address may get per hour (default 5). */
  one_time_link_limit_per_hour?: number
  /** IANA time zone whose calendar day the accounts' daily quota counts in (default "UTC"), e.g. "Europe/Berlin". */
  quota_time_zone?: string
  /**
   * DNS servers the account DNS check (SPF, DKIM, DMARC) asks, e.g. ["127.0.0.1:5353"];
   * default MAILER_DNS_SERVERS (comma-separated), then the system's resolvers.
   */
  dns_servers?: string[]
  /** How long the DNS check waits for one record before it says "could not check" (default 5000). */
  dns_timeout_ms?: number
}

export type MessageStatus = "queued" | "sending" | "sent" | "failed" | "skipped"

/** What the workflow hands to the outbox: a fully rendered mail or a logged skip/failure. */
export interface MessageDraft {
  idempotency_key: string
  status: "queued" | "failed" | "skipped"
  event_name: string
  template_id?: string | null
  account_id?: string | null
  locale?: string | null
  resource_type?: string | null
  resource_id?: string | null
  /** Which of several mails of one event and resource (a fulfillment, return, refund id …). */
  occurrence?: string | null
  /** Raw from shop data or an admin; checked and stored as an array when the row is written. */
  to?: string | string[] | null
  cc?: string[]
  bcc?: string[]
  reply_to?: string | null
  /** Logged for rows that are never sent; delivery records the From it used on the others. */
  from?: string | null
  subject?: string | null
  html?: string | null
  text?: string | null
  error_code?: string | null
  error_message?: string | null
  error_hint?: string | null
  skip_reason?: string | null
  resent_from_id?: string | null
  triggered_by?: string
  staff_user_id?: string | null
  /** The real one-time link (password reset, invitation); the body carries ONE_TIME_LINK_PLACEHOLDER. */
  one_time_link?: string | null
}

export interface DeliveryResult {
  /** The outbox row's id (mmsg_…); the SMTP Message-ID is the row's `message_id` column. */
  row_id: string
  status: MessageStatus
  /** false when another worker holds the row or it was already sent. */
  attempted: boolean
  error_code?: string | null
}
