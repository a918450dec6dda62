import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { giveUpAt, nextRetryAt, type RetryPolicy } from "../core/backoff"
import { accountStatusForError, describeError, isMailerError, MailerError, PAUSED_ACCOUNT_STATUSES } from "../core/errors"
import { carriesSecretLink } from "../core/events/catalog"
import { gaveUpHint } from "../core/give-up"
import { languageOf } from "../core/locale"
import { insertOneTimeLink, type MailBody } from "../core/one-time-link"
import { redactedContent } from "../core/templates/redacted"
import { buildMailOptions, buildMessageId, type OutgoingMail } from "../core/smtp/build-mail"
import type { SmtpSecrets } from "../core/smtp/transport-options"
import { routeForTestMode } from "../core/test-mode"
import type { DeliveryResult } from "../types"
import {
  claimMessage,
  keepMessageId,
  loadAccountRow,
  recordFailure,
  recordSent,
  setAccountStatus,
  type OutboxRow,
} from "./outbox-store"
import { takeSendAllowance, type AllowanceAccount } from "./send-allowance"
import type { CacheableAccount, TransportCache } from "./transport-cache"
import type { MailSender } from "./transports"

export interface DeliveryDeps {
  knex: Knex
  transports: TransportCache
  openSecrets: (account: Record<string, any>) => SmtpSecrets
  retry: RetryPolicy
  leaseMs: number
  /** Decrypts a row's sealed one-time link (the row id is the associated data). */
  openLink: (sealed: string, rowId: string) => string
  /** The time zone of the daily quota's calendar day (plugin option quota_time_zone, default UTC). */
  quotaTimeZone?: string
}

/**
 * Delivers one outbox row: claim, insert a one-time link, apply the test-mode
 * routing recorded on the row, send through the account's pooled transport,
 * record the outcome. The only code path that sends the shop's mail, so test mode
 * cannot be bypassed; "test and save" (sendDirect in verify.ts) sends one admin-addressed
 * test mail through the same sender factory, outside the outbox. Delivery knows only the
 * transport contract (transports/contract.ts): errors arrive classified, with the account's
 * secrets redacted. Recipients were checked when the row was written; build-mail checks them
 * once more, so no stored list or header text reaches RCPT TO.
 */
export async function deliverMessage(deps: DeliveryDeps, id: string): Promise<DeliveryResult> {
  const row = await claimMessage(deps.knex, id, deps.leaseMs)
  if (!row) {
    const current = await deps.knex("mailer_message").where({ id }).first("status")
    return { row_id: id, status: current?.status ?? "failed", attempted: false }
  }
  const account = row.account_id ? await loadAccountRow(deps.knex, row.account_id) : null
  if (!account) {
    return fail(deps, row, new MailerError("NO_ACCOUNT"), false)
  }
  if (PAUSED_ACCOUNT_STATUSES.has(account.status)) {
    return pause(deps, row, new MailerError("ACCOUNT_PAUSED"))
  }
  // Daily quota and rate limit, counted across processes: a held row is back in the queue.
  const held = await takeSendAllowance(deps, row.id, account as AllowanceAccount, () => deliverMessage(deps, id))
  if (held) return held
  return send(deps, row, account)
}

async function send(deps: DeliveryDeps, row: OutboxRow, account: Record<string, any>): Promise<DeliveryResult> {
  const body = bodyToSend(deps, row)
  if (!body) {
    return fail(deps, row, new MailerError("ONE_TIME_LINK_UNAVAILABLE"), false)
  }
  const routed = recordedRouting(row, account, body)
  const envelope = { from: account.sender_email, ...routed.envelope, rerouted: routed.rerouted }
  if (routed.envelope.to.length === 0) {
    return fail(deps, row, new MailerError("NO_RECIPIENT"), false, envelope, routed.rerouted)
  }
  let sender: MailSender | null = null
  try {
    // Inside the try: a mail that cannot even be built is recorded like a refused one.
    sender = deps.transports.get(account as CacheableAccount, () => deps.openSecrets(account))
    const mail = buildMailOptions({
      from: { name: account.sender_name, address: account.sender_email },
      replyTo: replyToFor(row, account, routed.rerouted),
      envelope: routed.envelope,
      subject: routed.subject,
      html: routed.html,
      text: routed.text,
      messageId: await messageIdOf(deps, row, account.sender_email),
    })
    const result = await sender.send(mail)
    await recordSent(deps.knex, row.id, {
      message_id: result.messageId,
      envelope,
      accepted: result.accepted,
      rejected: result.rejected,
      test_mode: routed.rerouted,
      from: mail.from ? displayFrom(mail.from) : account.sender_email,
      content: finalContent(row),
    })
    if (account.status !== "ok") {
      await setAccountStatus(deps.knex, account.id, "ok", null)
    }
    return { row_id: row.id, status: "sent", attempted: true }
  } catch (err) {
    // The contract's errors are classified and redacted already; classify covers the rest.
    const error = sender ? sender.classify(err) : isMailerError(err) ? err : new MailerError("UNKNOWN")
    return handleSendError(deps, row, account, error, envelope, routed.rerouted)
  }
}

async function handleSendError(
  deps: DeliveryDeps,
  row: OutboxRow,
  account: Record<string, any>,
  error: MailerError,
  envelope: unknown,
  testMode: boolean
): Promise<DeliveryResult> {
  const accountStatus = accountStatusForError(error.code)
  if (error.kind === "configuration" && accountStatus) {
    deps.transports.evict(account.id)
    await setAccountStatus(deps.knex, account.id, accountStatus, `${error.code}: ${error.message}`)
    return pause(deps, row, error, true)
  }
  if (error.kind === "transient") {
    const retryAt = nextRetryAt(row.attempts + 1, deps.retry, new Date(), Math.random, giveUpTime(deps, row))
    if (retryAt) {
      await recordFailure(deps.knex, row.id, {
        status: "queued",
        next_attempt_at: retryAt,
        counts_as_attempt: true,
        ...errorFields(error),
        envelope,
        test_mode: testMode,
      })
      return { row_id: row.id, status: "queued", attempted: true, error_code: error.code }
    }
    // The retry period is over: failed with the last error's code and a hint that says so.
    const facts = { status: "failed", error_code: error.code, attempts: row.attempts + 1, created_at: row.created_at, updated_at: new Date() }
    return fail(deps, row, error, true, envelope, testMode, gaveUpHint(facts, "en") ?? undefined)
  }
  return fail(deps, row, error, true, envelope, testMode)
}

/**
 * In test mode only the account's own reply address (or its sender) stays in Reply-To: any other
 * value on the row could be a customer's, and a test mail carries no customer address in an
 * address header. Replies to it go to the From address, the shop's own.
 */
function replyToFor(row: OutboxRow, account: Record<string, any>, rerouted: boolean): string | null {
  if (!rerouted || !row.reply_to) return row.reply_to
  const own = [account.reply_to, account.sender_email].filter(Boolean).map((a) => String(a).toLowerCase())
  return own.includes(row.reply_to.toLowerCase()) ? row.reply_to : null
}

/** The row's give-up time; a row written before it was stored counts from when it was written. */
function giveUpTime(deps: DeliveryDeps, row: OutboxRow): Date {
  return row.give_up_at ? new Date(row.give_up_at) : giveUpAt(new Date(row.created_at), deps.retry)
}

/**
 * The Message-ID chosen when the row was written, reused on every attempt (a receiver drops the
 * copy of a mail whose 250 we never saw); a row written before that gets one now, stored once.
 */
async function messageIdOf(deps: DeliveryDeps, row: OutboxRow, senderEmail: string): Promise<string> {
  return row.message_id || keepMessageId(deps.knex, row.id, buildMessageId(row.id, senderEmail))
}

async function fail(
  deps: DeliveryDeps,
  row: OutboxRow,
  error: MailerError,
  attempted: boolean,
  envelope?: unknown,
  testMode?: boolean,
  hint?: string
): Promise<DeliveryResult> {
  await recordFailure(deps.knex, row.id, {
    status: "failed",
    next_attempt_at: null,
    counts_as_attempt: attempted,
    ...errorFields(error),
    ...(hint ? { error_hint: hint } : {}),
    envelope,
    test_mode: testMode,
    content: finalContent(row),
  })
  return { row_id: row.id, status: "failed", attempted, error_code: error.code }
}

/** Keeps the row queued without a due date: it waits until the account is fixed. */
async function pause(deps: DeliveryDeps, row: OutboxRow, error: MailerError, attempted = false) {
  await recordFailure(deps.knex, row.id, {
    status: "queued",
    next_attempt_at: null,
    counts_as_attempt: attempted,
    ...errorFields(error),
  })
  return { row_id: row.id, status: "queued" as const, attempted, error_code: error.code }
}

function errorFields(error: MailerError) {
  const described = describeError(error.code, "en")
  return {
    error_code: error.code,
    error_message: error.message || described.message,
    error_hint: described.hint,
    smtp_response_code: error.responseCode ?? null,
  }
}

/** Once a mail is final, a one-time link in it must not stay readable in the log, nor sealed on the row. */
function finalContent(row: OutboxRow) {
  return carriesSecretLink(row.event_name) || row.one_time_link ? { ...redactedContent(), one_time_link: null as null } : undefined
}

/**
 * The routing recorded on the row when it was written, not the account's mode now
 * (core/test-mode.ts). The test address falls back to the account's own, never to the customer.
 */
function recordedRouting(row: OutboxRow, account: Record<string, any>, body: MailBody) {
  return routeForTestMode({
    recipients: { to: listOf(row.to), cc: row.cc ?? [], bcc: row.bcc ?? [] },
    subject: row.subject ?? "",
    html: body.html,
    text: body.text,
    testMode: Boolean(row.test_mode),
    testRecipient: row.test_recipient || account.test_recipient || account.sender_email,
    lang: languageOf(row.locale ?? "en") === "de" ? "de" : "en",
  })
}

/** The stored body with the sealed one-time link put in; null when the link cannot be opened. */
function bodyToSend(deps: DeliveryDeps, row: OutboxRow): MailBody | null {
  const stored = { html: row.html ?? "", text: row.text ?? "" }
  if (!row.one_time_link) return stored
  try {
    return insertOneTimeLink(stored, deps.openLink(row.one_time_link, row.id))
  } catch {
    return null
  }
}

/** Stored recipients as a list. A bare string (a row not written by enqueue) is one entry, never split. */
function listOf(value: string[] | string | null): string[] {
  if (Array.isArray(value)) return value
  return value ? [value] : []
}

/** The From header as sent, display name included ("Shop <shop@example.com>"). */
function displayFrom(from: NonNullable<OutgoingMail["from"]>): string {
  if (typeof from === "string") return from
  if (Array.isArray(from)) return from.map((entry) => (typeof entry === "string" ? entry : displayFrom(entry))).join(", ")
  return from.name ? `${from.name} <${from.address}>` : from.address ?? ""
}
