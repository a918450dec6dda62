import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import type { LoadedEmailContext } from "./core/events/types"
import { deliverMessage, type DeliveryDeps } from "./delivery/deliver"
import { deliverDueMessages, deliveryDeps } from "./delivery/delivery-deps"
import { countRecentLinkMails, makeDueNow } from "./delivery/outbox-store"
import { isCappedLinkMail, ONE_TIME_LINK_EVENTS, oneTimeLinkLimit, outboxRow, skippedForLinkCap } from "./delivery/outbox-row"
import { buildDraft, previewDraft, type DraftOverrides, type DraftReads, type TemplateOverride } from "./drafts"
import { DEFAULT_EVENT_BATCH, inboxDeps } from "./inbox/deps"
import { countWaitingEvents, purgeFinishedEvents } from "./inbox/inbox-store"
import { drainDueEvents, processClaimedEvent, recordEvent } from "./inbox/process"
import type { EventOutcome, EventRunner, InboxRow } from "./inbox/types"
import { MailerAccountsService } from "./service-parts/accounts"
import { START_DRAIN_DELAY_MS } from "./service-parts/base"
import type { DeliveryResult, MessageDraft } from "./types"

const DEFAULT_DRAIN_BATCH = 50

/**
 * The mailer module's service: drafts, the outbox and the event inbox here; accounts in
 * service-parts/accounts.ts; models, options and settings in service-parts/base.ts.
 */
class MailerModuleService extends MailerAccountsService {
  __hooks = {
    onApplicationStart: async () => this.drainSoonAfterStart(),
    // SIGTERM: stop claiming, let sends on the wire finish (bounded), put claimed but unsent rows back.
    onApplicationPrepareShutdown: async () => this.stopDelivering(),
    onApplicationShutdown: async () => this.transports_.closeAll(),
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
}

export default MailerModuleService
