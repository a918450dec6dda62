import type { Context, Logger } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { retryPolicyFrom, type RetryPolicy } from "./core/backoff"
import { accountStatusForError, MailerError } from "./core/errors"
import { deliverMessage, type DeliveryDeps } from "./delivery/deliver"
import { deliverDueMessages, deliveryDeps, transportCacheFor } from "./delivery/delivery-deps"
import { assertQuotaTimeZone } from "./delivery/send-allowance"
import { InFlightDeliveries } from "./delivery/in-flight"
import { countRecentLinkMails, makeDueNow, resumeAccountMessages } from "./delivery/outbox-store"
import { isCappedLinkMail, ONE_TIME_LINK_EVENTS, oneTimeLinkLimit, outboxRow, skippedForLinkCap } from "./delivery/outbox-row"
import type { TransportCache } from "./delivery/transport-cache"
import { buildDraft, previewDraft, type DraftOverrides, type DraftReads, type TemplateOverride } from "./drafts"
import type { LoadedEmailContext } from "./core/events/types"
import { asConnectionCheck, sendTestMail, verifyConnection, type ConnectionCheck } from "./delivery/verify"
import { touchesConnection, type AccountRecord } from "./lib/account-fields"
import {
  secretBoxFromOptions,
  secretsForConnection,
  withSealedSecrets,
  type GivenSecrets,
  type SecretBox,
} from "./lib/secrets"
import { AccessTokens } from "./oauth/access-tokens"
import { dkimPublicKeyOf, generateDkimKeyPair, senderDnsCheck } from "./dns/dkim-key"
import { completeAuthorization, dropTokens, startAuthorization, takeState } from "./oauth/flow"
import { withOAuthSource } from "./oauth/token-source"
import type { SmtpSecrets } from "./core/smtp/transport-options"
import { MailerAccount } from "./models/account"
import { MailerMessage } from "./models/message"
import { MailerEvent } from "./models/event"
import { DEFAULT_EVENT_BATCH, inboxDeps } from "./inbox/deps"
import { countWaitingEvents, purgeFinishedEvents } from "./inbox/inbox-store"
import { drainDueEvents, processClaimedEvent, recordEvent } from "./inbox/process"
import type { EventOutcome, EventRunner, InboxRow } from "./inbox/types"
import { MailerSettings } from "./models/settings"
import { MailerStaffProfile } from "./models/staff-profile"
import { MailerTemplate } from "./models/template"
import type { DeliveryResult, MailerPluginOptions, MessageDraft } from "./types"

const SETTINGS_ID = "mset_shop"
const DEFAULT_DRAIN_BATCH = 50
/**
 * After start: long enough for the app to finish loading, short against the job's minute. Off
 * by default under jest (NODE_ENV=test), whose runners start the module for every test file
 * and count rows themselves; the packed app of the fault tests runs as production.
 */
const START_DRAIN_DELAY_MS = process.env.NODE_ENV === "test" ? null : 2_000

/** Medusa runs jobs and subscribers only in "worker" and "shared" mode (projectConfig.workerMode). */
function runsBackgroundWork(container: Record<string, any>): boolean {
  return optional(() => container.configModule?.projectConfig?.workerMode) !== "server"
}

/** A container registration that may be missing (awilix throws on unknown names; test runners register less). */
function optional<T>(read: () => T): T | undefined {
  try {
    return read()
  } catch {
    return undefined
  }
}

type AccountInput = Record<string, any>

class MailerModuleService extends MedusaService({
  MailerAccount,
  MailerTemplate,
  MailerMessage,
  MailerSettings,
  MailerStaffProfile,
  MailerEvent,
}) {
  protected readonly options_: MailerPluginOptions
  protected readonly secrets_: SecretBox
  protected readonly transports_: TransportCache
  protected readonly retry_: RetryPolicy
  protected readonly oauth_: AccessTokens
  protected readonly runsBackgroundWork_: boolean
  protected readonly logger_?: Logger

  /** Deliveries running in this process: a graceful shutdown waits for them (delivery/in-flight.ts). */
  protected readonly inFlight_ = new InFlightDeliveries()

  __hooks = {
    onApplicationStart: async () => this.drainSoonAfterStart(),
    // SIGTERM: stop claiming, let sends on the wire finish (bounded), put claimed but unsent rows back.
    onApplicationPrepareShutdown: async () => this.stopDelivering(),
    onApplicationShutdown: async () => this.transports_.closeAll(),
  }

  constructor(container: Record<string, unknown>, options: MailerPluginOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = options ?? {}
    this.secrets_ = secretBoxFromOptions(this.options_)
    this.oauth_ = new AccessTokens(this.secrets_)
    assertQuotaTimeZone(this.options_.quota_time_zone)
    this.retry_ = retryPolicyFrom(this.options_.retry)
    this.transports_ = this.inFlight_.guardCache(transportCacheFor(this.options_.smtp_timeouts))
    this.runsBackgroundWork_ = runsBackgroundWork(container)
    this.logger_ = optional(() => container.logger as Logger)
  }

  get pluginOptions(): Readonly<MailerPluginOptions> {
    return this.options_
  }

  // ---- accounts ---------------------------------------------------------

  /** Creates an account; the password is sealed with the new row's id as associated data. */
  @InjectTransactionManager()
  async createAccount(input: AccountInput, @MedusaContext() ctx: Context<EntityManager> = {}) {
    const id = generateEntityId(undefined, "macc")
    const data = withSealedSecrets(this.secrets_, id, input)
    if (data.is_default) {
      await this.unsetDefaultAccount(ctx)
    } else if (!(await this.hasDefaultAccount(ctx))) {
      // A shop's first account sends its automatic mail without further setup.
      data.is_default = true
    }
    return this.createMailerAccounts(data, ctx)
  }

  /**
   * Updates an account. A secret that is `undefined` keeps the stored one,
   * `null` clears it. Changing connection settings marks the account
   * unverified and resumes mail that was paused on its account.
   */
  @InjectTransactionManager()
  async updateAccount(id: string, input: AccountInput, @MedusaContext() ctx: Context<EntityManager> = {}) {
    const data = withSealedSecrets(this.secrets_, id, input)
    if (touchesConnection(input)) {
      Object.assign(data, { status: "unverified", last_error: null })
    }
    if (input.is_default === true) {
      await this.unsetDefaultAccount(ctx, id)
    }
    const updated = await this.updateMailerAccounts(data, ctx)
    if (touchesConnection(input)) {
      this.transports_.evict(id)
      await resumeAccountMessages(ctx.transactionManager!.getKnex(), id)
    }
    return updated
  }

  /**
   * Connects and authenticates with a stored account and records the outcome on it (status,
   * verified_at, last_error). Secrets given here replace the stored ones for the check and,
   * when it passes, are stored: the way to repair an account whose secrets became unreadable.
   */
  async verifyAccount(id: string, given: GivenSecrets = {}): Promise<ConnectionCheck> {
    const account = (await this.retrieveMailerAccount(id)) as AccountRecord
    // An unreadable stored secret is a failed check like any other: recorded on the account.
    const oauth = await this.oauthSecretsOf(account)
    const check = await asConnectionCheck(() =>
      verifyConnection(account as any, { ...secretsForConnection(this.secrets_, account, given), ...oauth })
    )
    if (check.ok && (given.password !== undefined || given.dkim_private_key !== undefined)) {
      await this.updateMailerAccounts(withSealedSecrets(this.secrets_, id, given))
    }
    await this.recordVerification(account, check)
    return check
  }

  /**
   * "Test and save": checks settings that are not stored yet by sending a test mail. For an
   * existing account, omitted secrets fall back to the stored ones. The mail goes to the
   * address the admin named (or the sender address), not through test mode: see sendDirect in delivery/verify.ts.
   */
  async testAccountSettings(
    input: AccountInput,
    opts: { existingId?: string; to?: string | null; lang: "de" | "en" }
  ): Promise<ConnectionCheck> {
    const stored = opts.existingId ? ((await this.retrieveMailerAccount(opts.existingId)) as AccountRecord) : null
    const merged = { ...(stored ?? {}), ...input } as AccountRecord
    const oauth = await this.oauthSecretsOf(merged)
    return sendTestMail(merged as any, () => ({ ...secretsForConnection(this.secrets_, stored, input), ...oauth }), opts)
  }

  // ---- DKIM key and sender DNS (dns/) ---------------------------------------

  /**
   * Makes a new DKIM key for the account and stores the private key sealed like the password
   * (through updateAccount: the pooled transport is dropped, so the next mail is signed with
   * it). Answers the public key only.
   */
  async generateDkimKey(id: string, target: { selector: string; domain: string }) {
    const pair = await generateDkimKeyPair()
    await this.updateAccount(id, { dkim_domain: target.domain, dkim_selector: target.selector, dkim_private_key: pair.privateKeyPem })
    return { ...target, public_key: pair.publicKeyBase64 }
  }

  /** The account's DKIM public key (base64 SPKI) derived from its stored private key, or null. */
  dkimPublicKeyOf(account: AccountRecord): string | null {
    return dkimPublicKeyOf(this.secrets_, account)
  }

  /** Looks up the sender domain's SPF, DKIM and DMARC records (plugin option dns_servers). */
  async checkSenderDns(id: string) {
    const account = (await this.retrieveMailerAccount(id)) as AccountRecord
    return senderDnsCheck(this.secrets_, this.options_, account)
  }

  private async recordVerification(account: AccountRecord, check: ConnectionCheck) {
    if (check.ok) {
      await this.updateMailerAccounts({ id: account.id, status: "ok", verified_at: new Date(), last_error: null })
      await this.resumePausedMessages(account.id)
      return
    }
    // Only login, encryption and configuration errors pause an account (the table's
    // pauses_account). A connection error during a short outage is recorded and the status
    // kept: one click in the admin must not stop the account's mail; delivery retries it.
    const status = accountStatusForError(check.error.code) ?? account.status
    await this.updateMailerAccounts({ id: account.id, status, last_error: `${check.error.code}: ${check.error.message}` })
  }

  @InjectManager()
  private async resumePausedMessages(accountId: string, @MedusaContext() ctx: Context<EntityManager> = {}) {
    return resumeAccountMessages(ctx.manager!.getKnex(), accountId)
  }

  private async hasDefaultAccount(ctx: Context<EntityManager>): Promise<boolean> {
    const knex = ctx.transactionManager!.getKnex()
    const row = await knex("mailer_account").where({ is_default: true }).whereNull("deleted_at").first("id")
    return Boolean(row)
  }

  private async unsetDefaultAccount(ctx: Context<EntityManager>, exceptId?: string) {
    const knex = ctx.transactionManager!.getKnex()
    const query = knex("mailer_account").where({ is_default: true }).whereNull("deleted_at")
    await (exceptId ? query.whereNot({ id: exceptId }) : query).update({ is_default: false })
  }

  // ---- OAuth2 accounts (the flow and tokens live in oauth/) --------------

  /** The token source of an OAuth2 account for a connection check (none for password accounts). */
  @InjectManager()
  private async oauthSecretsOf(account: AccountRecord, @MedusaContext() ctx: Context<EntityManager> = {}): Promise<SmtpSecrets> {
    return withOAuthSource({}, account, this.oauth_, ctx.manager!.getKnex())
  }

  /** Starts the sign-in of an OAuth2 account; returns the provider's authorization URL. */
  @InjectManager()
  async startOAuth(accountId: string, userId: string, redirectUri: string, @MedusaContext() ctx: Context<EntityManager> = {}) {
    return startAuthorization(ctx.manager!.getKnex(), this.secrets_, { accountId, userId, redirectUri })
  }

  /**
   * The provider's redirect: takes this user's single-use state, exchanges the code, stores the
   * tokens and resumes mail paused on the account. Errors carry `accountId` once it is known.
   */
  @InjectManager()
  async completeOAuth(
    input: { state: string; code: string; providerError?: string; userId: string },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ) {
    const knex = ctx.manager!.getKnex()
    const taken = await takeState(knex, this.secrets_, input.state, input.userId)
    try {
      // the provider sent the browser back without a code (sign-in cancelled, consent refused)
      if (!input.code) throw new MailerError("OAUTH_PROVIDER_ERROR", input.providerError || "no authorization code")
      const done = await completeAuthorization(knex, this.secrets_, taken, input.code)
      this.transports_.evict(done.accountId)
      await resumeAccountMessages(knex, done.accountId)
      return done
    } catch (err) {
      throw Object.assign(err as object, { accountId: taken.accountId })
    }
  }

  /** Drops an account's tokens (disconnect); it sends again after the next sign-in. */
  @InjectManager()
  async disconnectOAuth(accountId: string, @MedusaContext() ctx: Context<EntityManager> = {}) {
    await dropTokens(ctx.manager!.getKnex(), accountId)
    this.transports_.evict(accountId)
  }

  // ---- settings ---------------------------------------------------------

  /** The single settings row, created with defaults on first use. */
  async getSettings() {
    const [existing] = await this.listMailerSettings({ id: SETTINGS_ID })
    if (existing) {
      return existing
    }
    try {
      return await this.createMailerSettings({
        id: SETTINGS_ID,
        default_locale: this.options_.default_locale ?? "de",
      })
    } catch {
      // Another request created it at the same moment.
      return this.retrieveMailerSettings(SETTINGS_ID)
    }
  }

  async updateSettings(data: Record<string, unknown>) {
    await this.getSettings()
    return this.updateMailerSettings({ ...data, id: SETTINGS_ID })
  }

  // ---- drafts (the pipeline lives in drafts/) ----------------------------

  /** An event's or a manual send's mail as an outbox draft: template, account, staff member, rendered. */
  async prepareDraft(loaded: LoadedEmailContext, overrides: DraftOverrides = {}): Promise<MessageDraft> {
    return buildDraft(this as unknown as DraftReads, loaded, overrides)
  }

  /** A template rendered for a context as its account would send it; writes nothing. */
  async previewDraft(loaded: LoadedEmailContext, template: TemplateOverride) {
    return previewDraft(this as unknown as DraftReads, loaded, template)
  }

  // ---- outbox -------------------------------------------------------------

  /**
   * Inserts a message unless one with the same idempotency key exists: a second
   * delivery of the same event, on any worker, is a no-op. The row is settled
   * here (delivery/outbox-row.ts): recipients checked, test mode recorded, a
   * one-time link sealed and capped per recipient and hour.
   */
  async enqueueMessage(draft: MessageDraft): Promise<{ message: Record<string, any>; created: boolean }> {
    const [existing] = await this.listMailerMessages({ idempotency_key: draft.idempotency_key })
    if (existing) {
      return { message: existing, created: false }
    }
    const [account] = draft.account_id ? await this.listMailerAccounts({ id: draft.account_id }) : []
    const row = outboxRow(draft, {
      id: generateEntityId(undefined, "mmsg"),
      account: account ?? null,
      seal: (plain, rowId) => this.secrets_.seal(plain, rowId),
      lifetimeMs: this.retry_.lifetimeMs,
    })
    try {
      const message = await this.insertOutboxRow(row)
      return { message, created: true }
    } catch (err) {
      const [raced] = await this.listMailerMessages({ idempotency_key: draft.idempotency_key })
      if (raced) {
        return { message: raced, created: false }
      }
      throw err
    }
  }

  /** Inserts the row; a one-time-link mail over its recipient's hourly cap is inserted as skipped. */
  @InjectTransactionManager()
  protected async insertOutboxRow(row: Record<string, any>, @MedusaContext() ctx: Context<EntityManager> = {}) {
    let insert = row
    if (isCappedLinkMail(row)) {
      const trx = ctx.transactionManager!.getTransactionContext() ?? ctx.transactionManager!.getKnex()
      const recent = await countRecentLinkMails(trx, row.to[0], ONE_TIME_LINK_EVENTS)
      if (recent >= oneTimeLinkLimit(this.options_.one_time_link_limit_per_hour)) {
        insert = skippedForLinkCap(row)
      }
    }
    // json columns are typed as records; the outbox stores address arrays in them.
    return this.createMailerMessages(insert as any, ctx)
  }

  /** Delivers one message now (see delivery/deliver.ts). */
  @InjectManager()
  async deliverMessage(id: string, @MedusaContext() ctx: Context<EntityManager> = {}): Promise<DeliveryResult> {
    const result = await this.inFlight_.track(() => deliverMessage(this.deliveryDeps(ctx), id))
    // Shutting down: not claimed; the row stays queued and due for the next process.
    return result ?? { row_id: id, status: "queued", attempted: false }
  }

  /**
   * "Retry now" (admin): a queued or failed message becomes due now with a fresh retry period
   * and is delivered at once; same row, same Message-ID. null when the row is not one of those
   * (sent, skipped, being sent) by the time it is changed.
   */
  @InjectManager()
  async retryMessage(id: string, @MedusaContext() ctx: Context<EntityManager> = {}): Promise<DeliveryResult | null> {
    const knex = ctx.manager!.getKnex()
    if (!(await makeDueNow(knex, id, this.retry_.lifetimeMs))) return null
    return deliverMessage(this.deliveryDeps(ctx), id)
  }

  /**
   * Delivers every message that is due (retries, expired leases); used by the
   * scheduled job.
   */
  @InjectManager()
  async drainOutbox(
    limit = this.options_.drain_batch_size ?? DEFAULT_DRAIN_BATCH,
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<DeliveryResult[]> {
    return (await this.inFlight_.track(() => deliverDueMessages(this.deliveryDeps(ctx), limit))) ?? []
  }

  /**
   * A process that starts (after a deploy, a crash) sends what is due at once, not at the
   * outbox job's next run; rows a killed process left "sending" follow when their lease ends.
   * Only where Medusa runs background work (worker or shared mode, like the job itself).
   */
  private drainSoonAfterStart(): void {
    const delay = this.options_.start_drain_delay_ms === undefined ? START_DRAIN_DELAY_MS : this.options_.start_drain_delay_ms
    if (!this.runsBackgroundWork_ || delay === null) return
    const timer = setTimeout(() => {
      this.drainOutbox().catch((err) => this.logger_?.warn(`medusa-plugin-mailer: outbox run after start failed: ${err?.message}`))
    }, delay)
    timer.unref()
  }

  @InjectManager()
  protected async stopDelivering(@MedusaContext() ctx: Context<EntityManager> = {}): Promise<void> {
    const report = await this.inFlight_.shutdown(ctx.manager!.getKnex(), this.transports_)
    const sends = report.finished ? "the running sends finished" : "sends still running were cut off by closing the connections"
    this.logger_?.info(`medusa-plugin-mailer: stopped delivering: ${sends}; ${report.released} unsent mails back in the queue`)
  }

  /**
   * Deletes finished log rows (sent, failed, skipped) older than the settings'
   * retention: the log holds customers' addresses and mail contents.
   */
  @InjectManager()
  async purgeExpiredMessages(@MedusaContext() ctx: Context<EntityManager> = {}): Promise<number> {
    const { log_retention_days } = await this.getSettings()
    const knex = ctx.manager!.getKnex()
    return knex("mailer_message")
      .whereIn("status", ["sent", "failed", "skipped"])
      .where("created_at", "<", knex.raw("now() - (? * interval '1 day')", [log_retention_days]))
      .delete()
  }

  private deliveryDeps(ctx: Context<EntityManager>): DeliveryDeps {
    const parts = { transports: this.transports_, secrets: this.secrets_, retry: this.retry_, leaseMs: this.options_.lease_ms, oauth: this.oauth_ }
    return { ...deliveryDeps(ctx.manager!.getKnex(), parts), quotaTimeZone: this.options_.quota_time_zone }
  }

  // ---- event inbox (inbox/): nothing of an event is lost when processing fails ------------

  /** The subscriber's first act: the event recorded durably, claimed for processing by the caller. */
  @InjectManager()
  async recordEvent(eventName: string, data: unknown, @MedusaContext() ctx: Context<EntityManager> = {}): Promise<InboxRow> {
    return recordEvent(this.inboxDeps(ctx), eventName, data)
  }

  /** Runs a claimed event with `run` (the send workflow) and records done, retry or failure. */
  @InjectManager()
  async processEvent(event: InboxRow, run: EventRunner, @MedusaContext() ctx: Context<EntityManager> = {}): Promise<EventOutcome> {
    return processClaimedEvent(this.inboxDeps(ctx), event, run)
  }

  /** Processes due events (retries, expired leases); used by the outbox job. */
  @InjectManager()
  async drainEvents(run: EventRunner, limit = DEFAULT_EVENT_BATCH, @MedusaContext() ctx: Context<EntityManager> = {}): Promise<EventOutcome[]> {
    return drainDueEvents(this.inboxDeps(ctx), run, limit)
  }

  /** Events received and not yet processed (waiting for a retry or being processed). */
  @InjectManager()
  async countWaitingEvents(@MedusaContext() ctx: Context<EntityManager> = {}): Promise<number> {
    return countWaitingEvents(ctx.manager!.getKnex())
  }

  /** Finished events go with the log's retention: they link an event to its mails for that long. */
  @InjectManager()
  async purgeExpiredEvents(@MedusaContext() ctx: Context<EntityManager> = {}): Promise<number> {
    const { log_retention_days } = await this.getSettings()
    return purgeFinishedEvents(ctx.manager!.getKnex(), log_retention_days)
  }

  private inboxDeps(ctx: Context<EntityManager>) {
    return inboxDeps(ctx.manager!.getKnex(), { secrets: this.secrets_, options: this.options_, retry: this.retry_ })
  }

  // ---- admin API ----------------------------------------------------------

  /** A passed "test and save" counts as a verification: status ok, paused mail resumed. */
  async markAccountVerified(id: string): Promise<void> {
    const account = (await this.retrieveMailerAccount(id)) as AccountRecord
    await this.recordVerification(account, { ok: true })
  }
}

export default MailerModuleService
