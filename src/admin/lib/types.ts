// Shapes of the plugin's admin API (docs/api.md). Only what the screens read.

export type AccountStatus = "unverified" | "ok" | "auth_failed" | "tls_failed" | "connection_failed" | "reauth_required"
export type SmtpSecurity = "ssl" | "starttls" | "none"

export interface MailerWarning {
  code: string
  message: string
}

export type AuthMethod = "password" | "oauth2"
export type OAuthProvider = "microsoft" | "google" | "generic"

/** An OAuth2 account's sign-in as the API shows it: never a secret or token, only whether one is stored. */
export interface MailerAccountOAuth {
  provider: OAuthProvider
  client_id: string
  tenant: string | null
  authorize_url: string | null
  token_url: string | null
  scopes: string[] | null
  has_client_secret: boolean
  connected: boolean
  connected_identity: string | null
  connected_at: string | null
  access_token_expires_at: string | null
}

export interface MailerAccount {
  id: string
  name: string
  sender_name: string
  sender_email: string
  reply_to: string | null
  host: string
  port: number
  security: SmtpSecurity
  auth_required: boolean
  username: string | null
  has_password: boolean
  /** Missing on servers from before OAuth2: read as "password". */
  auth_method?: AuthMethod
  oauth?: MailerAccountOAuth | null
  signature_html: string | null
  greeting: string | null
  contact_name: string | null
  contact_phone: string | null
  contact_mobile: string | null
  contact_email: string | null
  contact_fax: string | null
  cc_1: string | null
  cc_2: string | null
  bcc: string | null
  is_default: boolean
  sales_channel_ids: string[]
  test_mode: boolean
  test_recipient: string | null
  rate_limit_messages: number | null
  rate_limit_pause_ms: number | null
  daily_quota: number | null
  /** Today's sends as the daily quota counts them (day in the quota_time_zone option); null where not counted. */
  sent_today?: number | null
  dkim_domain: string | null
  dkim_selector: string | null
  has_dkim_private_key: boolean
  status: AccountStatus
  verified_at: string | null
  last_error: string | null
  created_at: string
  updated_at: string
  warnings: MailerWarning[]
}

export interface MailerPreset {
  id: string
  name: string
  host: string
  port: number
  security: SmtpSecurity
  notes: string
  docs?: string
  /** Ways to sign in that the provider takes, the one it recommends first (Microsoft 365, Gmail). */
  auth_methods?: AuthMethod[]
  /** Why that one (localized). */
  auth_note?: string
}

export interface MailerEventVariable {
  path: string
  sample: unknown
}

export interface MailerEvent {
  name: string
  label: string
  description: string
  resource_type: string
  enabled: boolean
  shipped_locales: string[]
  variables: MailerEventVariable[]
  sample: Record<string, unknown>
}

export interface MailerTemplate {
  id: string | null
  default_id: string | null
  is_default: boolean
  event_name: string
  locale: string
  sales_channel_id: string | null
  account_id: string | null
  subject: string
  body_html: string
  body_text: string | null
  is_active: boolean
  created_at?: string
  updated_at?: string
}

export type MessageStatus = "queued" | "sending" | "sent" | "failed" | "skipped"

export interface MailerMessageError {
  code: string
  message: string
  hint: string
  detail: string | null
}

export interface MailerMessage {
  id: string
  status: MessageStatus
  event_name: string
  template_id: string | null
  account_id: string | null
  locale: string | null
  resource_type: string | null
  resource_id: string | null
  to: string | string[] | null
  cc: string[] | null
  bcc: string[] | null
  reply_to: string | null
  from: string | null
  envelope: { from?: string; to?: string[]; cc?: string[]; bcc?: string[]; rerouted?: boolean } | null
  test_mode: boolean
  subject: string | null
  html?: string | null
  text?: string | null
  message_id: string | null
  accepted: string[] | null
  rejected: string[] | null
  attempts: number
  next_attempt_at: string | null
  /** Until when a waiting mail is retried automatically; then it fails with the last error. */
  give_up_at?: string | null
  smtp_response_code: number | null
  skip_reason: string | null
  sent_at: string | null
  resent_from_id: string | null
  triggered_by: string
  created_at: string
  error: MailerMessageError | null
}

export interface MailerSettings {
  id: string
  default_locale: string
  enabled_events: Record<string, boolean>
  layout_html: string | null
  log_retention_days: number
  storefront_url: string | null
  admin_url: string | null
  shop_country_code?: string | null
  tax_note?: string | null
  updated_at?: string
}

export interface MailerStaffProfile {
  user_id: string
  phone: string | null
  mobile: string | null
  fax: string | null
  signature_html: string | null
  [field: string]: unknown
}

export interface ListResponse {
  count: number
  offset: number
  limit: number
}
