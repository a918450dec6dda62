import type { TemplateSource } from "../core/templates/types"

/** A template given by the caller instead of the resolved one (template test mail, preview). */
export interface TemplateOverride extends TemplateSource {
  id?: string | null
  locale?: string | null
  account_id?: string | null
}

export interface DraftOverrides {
  /** Manual sends (resend, test mail) use their own key so they never collide with the event's. */
  idempotency_key?: string
  to?: string | null
  /** Without `to`, send to the sending account's own address, never the customer (template test mail). */
  to_account_sender?: boolean
  triggered_by?: string
  resent_from_id?: string | null
  /** Send this template instead of the resolved one (template test mail). */
  template?: TemplateOverride | null
  /** Send through this account instead of the resolved one. */
  account_id?: string | null
}

/** What the pipeline reads from the module, once per mail. */
export interface DraftReads {
  getSettings(): Promise<Record<string, any>>
  listMailerTemplates(filters: { event_name: string }): Promise<Record<string, any>[]>
  listMailerAccounts(filters: Record<string, never>): Promise<Record<string, any>[]>
  listMailerStaffProfiles(filters: { user_id: string }): Promise<Record<string, any>[]>
  /** The plugin's options (`storefront_url`, `admin_url` for links). */
  readonly pluginOptions?: Readonly<Record<string, unknown>>
}
