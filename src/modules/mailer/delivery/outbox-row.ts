import { checkRecipients } from "../core/addresses"
import { DEFAULT_RETRY_POLICY } from "../core/backoff"
import { describeError } from "../core/errors"
import { carriesSecretLink, EVENT_CATALOG } from "../core/events/catalog"
import { buildMessageId } from "../core/smtp/build-mail"
import { redactedContent } from "../core/templates/redacted"
import { decideTestMode } from "../core/test-mode"
import type { MessageDraft } from "../types"

/**
 * A draft as it is written to the outbox. Everything delivery relies on is settled here, once:
 * - recipients parsed and validated (core/addresses.ts): `to` one bare address, stored as an
 *   array; invalid → a `failed` row (RECIPIENT_INVALID) that is never sent;
 * - the test-mode decision and test address of the sending account, recorded on the row;
 * - a one-time link sealed, never in the body (core/one-time-link.ts);
 * - no From and no error fields on a row that will be sent: delivery records the header it
 *   used and the outcome of each attempt;
 * - when its retries end (give_up_at) and its Message-ID on the sender's domain, kept for every
 *   attempt even if the account's sender changes meanwhile, so a receiver can drop duplicates.
 */
export interface OutboxRowDeps {
  id: string
  account: { test_mode?: boolean | null; test_recipient?: string | null; sender_email?: string | null } | null
  /** Encrypts the one-time link with the row id as associated data. */
  seal: (plain: string, rowId: string) => string
  /** How long transient failures are retried (the retry policy's lifetimeMs). */
  lifetimeMs?: number
}

export function outboxRow(draft: MessageDraft, deps: OutboxRowDeps): Record<string, any> {
  const { one_time_link: link, from, error_code, error_message, error_hint, ...fields } = draft
  // A row failed from the start keeps its reason; a queued row's error fields are delivery's
  // (the last attempt's), so a draft's are not written only to be overwritten.
  const reason = draft.status === "queued" ? {} : definedOnly({ error_code, error_message, error_hint })
  const row: Record<string, any> = { ...fields, ...reason, id: deps.id, ...withRecipients(draft), ...decideTestMode(deps.account) }
  // A queued row gets its From from delivery (the header actually sent); others log the draft's.
  row.from = draft.status === "queued" ? null : from ?? null
  if (row.status === "queued" && link) {
    row.one_time_link = deps.seal(link, deps.id)
  }
  if (row.status === "queued") {
    row.give_up_at = new Date(Date.now() + (deps.lifetimeMs ?? DEFAULT_RETRY_POLICY.lifetimeMs))
    row.message_id = deps.account?.sender_email ? buildMessageId(deps.id, deps.account.sender_email) : null
  }
  return finalizeStatus(row)
}

/** The checked recipients, or the refused input kept for the log and a failure (queued drafts only). */
function withRecipients(draft: MessageDraft): Record<string, unknown> {
  const check = checkRecipients(draft)
  if (check.ok) return { ...check.recipients }
  const kept = { to: listOf(draft.to), cc: listOf(draft.cc), bcc: listOf(draft.bcc) }
  if (draft.status !== "queued") return kept
  const detail = check.code === "RECIPIENT_INVALID" ? `Invalid recipient in "${check.field}": ${JSON.stringify(check.value)}` : undefined
  return { ...kept, ...failure(check.code, detail) }
}

export function failure(code: string, message?: string) {
  const described = describeError(code, "en")
  return {
    status: "failed" as const,
    error_code: described.code,
    error_message: message ?? described.message,
    error_hint: described.hint,
  }
}

/** What every row needs for its status: a due date when queued; no link nor link body when not. */
export function finalizeStatus(row: Record<string, any>): Record<string, any> {
  if (row.status === "queued") {
    return { ...row, next_attempt_at: new Date() }
  }
  // A mail that will never be sent must not keep a one-time link readable in the log.
  const redacted = carriesSecretLink(row.event_name) ? redactedContent() : {}
  return { ...row, ...redacted, one_time_link: null, next_attempt_at: null, give_up_at: null, message_id: null }
}

/** The template events whose mails carry a one-time link; they share the hourly cap. */
export const ONE_TIME_LINK_EVENTS = EVENT_CATALOG.filter((e) => e.carries_secret_link).map((e) => e.name)

export const DEFAULT_ONE_TIME_LINK_LIMIT = 5

/** The option's value if it is a whole number of at least 1, else the default. */
export function oneTimeLinkLimit(option: unknown): number {
  return typeof option === "number" && Number.isInteger(option) && option >= 1 ? option : DEFAULT_ONE_TIME_LINK_LIMIT
}

/** A mail that carries a one-time link and was triggered by a visitor's request, not an admin. */
export function isCappedLinkMail(row: Record<string, any>): boolean {
  return row.status === "queued" && carriesSecretLink(row.event_name) && (row.triggered_by ?? "system") === "system"
}

/** The row skipped because its recipient reached the hourly cap of one-time-link mails. */
export function skippedForLinkCap(row: Record<string, any>): Record<string, any> {
  return finalizeStatus({ ...row, status: "skipped", skip_reason: "ONE_TIME_LINK_LIMIT" })
}

function definedOnly(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))
}

function listOf(value: unknown): string[] {
  if (value === null || value === undefined || value === "") return []
  return (Array.isArray(value) ? value : [value]).map((entry) => String(entry).slice(0, 320))
}
