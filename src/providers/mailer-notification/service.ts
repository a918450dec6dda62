import { container as rootContainer } from "@medusajs/framework"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import { MAILER_MODULE } from "../../modules/mailer"
import { MailerError, isMailerErrorCode } from "../../modules/mailer/core/errors"
import type MailerModuleService from "../../modules/mailer/service"
import { notificationMailContext, notificationOutboxKey, type NotificationEntry } from "./notification-mail"

type Row = Record<string, any>

export interface MailerNotificationOptions {
  channels?: string[]
}

/**
 * Medusa Notification Module provider (channel "email"): `createNotifications({ to, channel: "email",
 * template, data })` is rendered with this plugin's template for the event `template` and goes
 * through its outbox: log row, account choice, test mode, retries, error codes.
 *
 * A module provider lives in the Notification Module's own container, which holds no other module.
 * The mailer module is resolved from the application's root container, which @medusajs/framework
 * exports (`container`, the one Medusa's loaders register every module in), lazily at send time:
 * providers are built while modules still load, in any order (docs/architecture.md).
 */
export class MailerNotificationProviderService extends AbstractNotificationProviderService {
  static override identifier = "mailer-notification"

  protected readonly logger_?: Logger

  constructor(cradle: { logger?: Logger }, protected readonly options_: MailerNotificationOptions = {}) {
    super()
    this.logger_ = cradle.logger
  }

  static override validateOptions(options: Record<string, unknown>): void {
    const channels = options?.channels
    if (channels !== undefined && (!Array.isArray(channels) || channels.some((c) => typeof c !== "string"))) {
      throw new Error('medusa-plugin-mailer notification provider: "channels" must be a list of channel names, e.g. ["email"].')
    }
  }

  override async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const entry = notification as unknown as NotificationEntry
    const mailer = this.mailer()
    const message = await this.enqueue(mailer, entry)
    const row = message.status === "queued" ? await this.deliver(mailer, message.id) : message
    if (row.status === "failed") {
      throw notificationError(row)
    }
    // sent, or queued for a retry by the outbox (a temporary fault is not the caller's failure).
    return { id: row.id }
  }

  /** The outbox row for this notification: a redelivered key finds its row; a failed one is tried afresh. */
  private async enqueue(mailer: MailerModuleService, entry: NotificationEntry): Promise<Row> {
    const loaded = notificationMailContext(entry)
    // An own idempotency key makes it a manual send: the merchant's per-event switch governs
    // the plugin's automatic mails, not a mail other code asks for explicitly.
    const first = await mailer.prepareDraft(loaded, { idempotency_key: notificationOutboxKey(entry) })
    const { message, created } = await mailer.enqueueMessage(first)
    if (created || message.status !== "failed" || !entry.id) return message
    // The Notification Module sends a failed notification's key again: a new row, the old one stays logged.
    const again = await mailer.prepareDraft(loaded, { idempotency_key: notificationOutboxKey(entry, entry.id) })
    return (await mailer.enqueueMessage(again)).message
  }

  private async deliver(mailer: MailerModuleService, id: string): Promise<Row> {
    await mailer.deliverMessage(id)
    const [row] = await mailer.listMailerMessages({ id })
    return row ?? { id, status: "queued" }
  }

  private mailer(): MailerModuleService {
    try {
      return rootContainer.resolve<MailerModuleService>(MAILER_MODULE)
    } catch {
      throw new Error(
        'medusa-plugin-mailer notification provider: the mailer module is not loaded. Add "medusa-plugin-mailer" to `plugins` in medusa-config.ts.'
      )
    }
  }
}

/** The log row's reason as the error the Notification Module stores as the notification's failure. */
function notificationError(row: Row): MailerError {
  const code = isMailerErrorCode(row.error_code) ? row.error_code : "UNKNOWN"
  const parts = [row.error_message, row.error_hint].filter(Boolean).join(" ")
  return new MailerError(code, `[${row.error_code ?? code}] ${parts} (mail log row ${row.id})`)
}

export default MailerNotificationProviderService
