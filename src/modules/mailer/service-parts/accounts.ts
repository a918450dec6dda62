import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import { accountStatusForError, MailerError } from "../core/errors"
import type { SmtpSecrets } from "../core/smtp/transport-options"
import { resumeAccountMessages } from "../delivery/outbox-store"
import { asConnectionCheck, sendTestMail, verifyConnection, type ConnectionCheck } from "../delivery/verify"
import { dkimPublicKeyOf, generateDkimKeyPair, senderDnsCheck } from "../dns/dkim-key"
import { touchesConnection, type AccountRecord } from "../lib/account-fields"
import { secretsForConnection, withSealedSecrets, type GivenSecrets } from "../lib/secrets"
import { completeAuthorization, dropTokens, startAuthorization, takeState } from "../oauth/flow"
import { withOAuthSource } from "../oauth/token-source"
import { MailerServiceBase } from "./base"

type AccountInput = Record<string, any>

/** Accounts: create, update, verify, test and save, DKIM and sender DNS, OAuth2 sign-in. */
export abstract class MailerAccountsService extends MailerServiceBase {
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

  /** A passed "test and save" counts as a verification: status ok, paused mail resumed. */
  async markAccountVerified(id: string): Promise<void> {
    const account = (await this.retrieveMailerAccount(id)) as AccountRecord
    await this.recordVerification(account, { ok: true })
  }
}
