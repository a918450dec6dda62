import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MailerError } from "../core/errors"
import type { OutgoingMail } from "../core/smtp/build-mail"
import type { TransportCache } from "./transport-cache"
import type { MailSender } from "./transports"

/** How long a graceful shutdown waits for sends already on the wire (SIGTERM → exit). */
export const SHUTDOWN_WAIT_MS = 10_000
/** After the pools are closed, how long aborted sends get to record their outcome. */
const AFTER_CLOSE_WAIT_MS = 2_000
/** The error a send refused during shutdown is recorded with until its row is released. */
const REFUSED_MESSAGE = "Not sent: the shop's server was shutting down; the mail is sent after the restart."

/**
 * What this process is delivering right now, so a graceful shutdown (SIGTERM: Medusa calls
 * the module's onApplicationPrepareShutdown) can stop cleanly:
 *  1. `close()`: no new delivery starts. Service calls are refused before they claim a row;
 *     a row already claimed inside a running batch is refused at the sender, before any
 *     SMTP command, and remembered.
 *  2. `settle()`: waits, bounded, for the deliveries and sends that were running.
 *  3. `releaseUnsent()`: rows this process claimed but did not send go back to the queue,
 *     due now, lease cleared, the refused attempt not counted: the next process (or start)
 *     sends them at once instead of waiting for the lease to run out.
 * The sender is where this hooks in because every row, whichever loop claimed it, passes
 * there; a row refused there never opened an SMTP transaction, so releasing it cannot
 * cause a duplicate. A send still running after the wait is aborted by closing the pools
 * (its mail may or may not have arrived: SMTP cannot tell) and its row released too; a
 * process killed outright leaves its rows "sending" until their lease runs out.
 */
export class InFlightDeliveries {
  private accepting = true
  private readonly running = new Set<Promise<unknown>>()
  /** Row ids whose send is on the wire now. */
  private readonly sending = new Set<string>()
  /** Row ids refused at the sender after close(): claimed, never sent. */
  private readonly refused = new Set<string>()

  get isAccepting(): boolean {
    return this.accepting
  }

  /** Runs `work` as tracked in-flight work; null without running it once closing. */
  async track<T>(work: () => Promise<T>): Promise<T | null> {
    if (!this.accepting) {
      return null
    }
    const promise = work()
    this.running.add(promise)
    try {
      return await promise
    } finally {
      this.running.delete(promise)
    }
  }

  close(): void {
    this.accepting = false
  }

  /** Resolves when nothing tracked runs any more, or after `limitMs`; true when all finished. */
  async settle(limitMs: number): Promise<boolean> {
    const deadline = Date.now() + limitMs
    while (this.running.size > 0 || this.sending.size > 0) {
      const left = deadline - Date.now()
      if (left <= 0) return false
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise((resolve) => (timer = setTimeout(resolve, Math.min(left, 250))))
      await Promise.race([Promise.allSettled([...this.running]), timeout])
      clearTimeout(timer)
    }
    return true
  }

  /** The sender with its sends tracked, and refused (transient, before any SMTP command) once closing. */
  guard(sender: MailSender): MailSender {
    return {
      ...sender,
      send: async (mail: OutgoingMail) => {
        const rowId = rowIdOf(mail)
        if (!this.accepting) {
          if (rowId) this.refused.add(rowId)
          throw new MailerError("SMTP_CONNECTION", REFUSED_MESSAGE)
        }
        if (rowId) this.sending.add(rowId)
        try {
          return await sender.send(mail)
        } finally {
          if (rowId) this.sending.delete(rowId)
        }
      },
      // Our own refusal is already classified; everything else as the transport knows it.
      classify: (err) => (err instanceof MailerError ? err : sender.classify(err)),
    }
  }

  /** Every sender the cache hands out goes through guard(). */
  guardCache(cache: TransportCache): TransportCache {
    const get = cache.get.bind(cache)
    cache.get = (account, openSecrets) => this.guard(get(account, openSecrets))
    return cache
  }

  /**
   * Puts the rows this process claimed but did not send back in the queue. Refused rows were
   * recorded as a transient failure by delivery (or as failed, when it was the last attempt
   * allowed): that attempt is taken back. Rows still
   * "sending" (their send outlived the wait) become due now as well.
   */
  async releaseUnsent(knex: Knex): Promise<number> {
    const refused = [...this.refused]
    const unfinished = [...this.sending]
    let released = 0
    if (refused.length) {
      released += await knex("mailer_message")
        .whereIn("id", refused)
        .where((q) => q.whereIn("status", ["queued", "sending"]).orWhere({ status: "failed", error_message: REFUSED_MESSAGE }))
        .update(releasedRow(knex, true))
    }
    if (unfinished.length) {
      released += await knex("mailer_message").whereIn("id", unfinished).where({ status: "sending" }).update(releasedRow(knex, false))
    }
    this.refused.clear()
    return released
  }

  /** The whole graceful stop: close, wait, abort what is left by closing the pools, release. */
  async shutdown(knex: Knex, transports: TransportCache, waitMs = SHUTDOWN_WAIT_MS): Promise<ShutdownReport> {
    this.close()
    const finished = await this.settle(waitMs)
    transports.closeAll()
    if (!finished) {
      await this.settle(AFTER_CLOSE_WAIT_MS)
    }
    const released = await this.releaseUnsent(knex)
    return { finished, released }
  }
}

export interface ShutdownReport {
  /** All deliveries that were running finished within the wait. */
  finished: boolean
  /** Rows put back into the queue. */
  released: number
}

function releasedRow(knex: Knex, takeBackAttempt: boolean) {
  return {
    status: "queued",
    next_attempt_at: knex.fn.now(),
    lease_until: null,
    ...(takeBackAttempt
      ? { attempts: knex.raw("greatest(attempts - 1, 0)"), error_code: null, error_message: null, error_hint: null, smtp_response_code: null }
      : {}),
    updated_at: knex.fn.now(),
  }
}

/** The outbox row id from the Message-ID delivery builds (`<row id@sender domain>`, build-mail.ts). */
function rowIdOf(mail: OutgoingMail): string | null {
  const id = typeof mail.messageId === "string" ? mail.messageId : ""
  const match = /^<?(mmsg_[A-Za-z0-9]+)@/.exec(id)
  return match ? match[1] : null
}
