import type { Logger } from "@medusajs/framework/types"
import { MedusaService } from "@medusajs/framework/utils"
import { retryPolicyFrom, type RetryPolicy } from "../core/backoff"
import { transportCacheFor } from "../delivery/delivery-deps"
import { InFlightDeliveries } from "../delivery/in-flight"
import { assertQuotaTimeZone } from "../delivery/send-allowance"
import type { TransportCache } from "../delivery/transport-cache"
import { secretBoxFromOptions, type SecretBox } from "../lib/secrets"
import { MailerAccount } from "../models/account"
import { MailerEvent } from "../models/event"
import { MailerMessage } from "../models/message"
import { MailerSettings } from "../models/settings"
import { MailerStaffProfile } from "../models/staff-profile"
import { MailerTemplate } from "../models/template"
import { AccessTokens } from "../oauth/access-tokens"
import type { MailerPluginOptions } from "../types"

/*
 * The mailer module's service is one class in three layers, each under the size rule:
 * this base (models, options, shared parts, settings), accounts.ts (accounts, their
 * verification, DKIM, OAuth2) and ../service.ts (drafts, outbox, event inbox, lifecycle hooks).
 */

const SETTINGS_ID = "mset_shop"
/**
 * After start: long enough for the app to finish loading, short against the job's minute. Off
 * by default under jest (NODE_ENV=test), whose runners start the module for every test file
 * and count rows themselves; the packed app of the fault tests runs as production.
 */
export const START_DRAIN_DELAY_MS = process.env.NODE_ENV === "test" ? null : 2_000

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

export abstract class MailerServiceBase extends MedusaService({
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
}
