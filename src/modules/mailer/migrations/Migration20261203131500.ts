import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Retries end at a time, not after a number of attempts (core/backoff.ts): `give_up_at` on
 * each outbox row. Rows queued under the old policy (6 attempts) get 3 days from when they
 * were written, at least one more day from now, so none expires at the upgrade itself.
 *
 * A connection error no longer pauses an account; only login, encryption and configuration
 * errors do. Accounts that a manual check paused as `connection_failed` for a temporary error
 * (recorded in last_error as "<CODE>: …") become `unverified` again and their paused mail due:
 * a wrong host name (SMTP_DNS) or a forbidden address keeps the pause.
 */
export class Migration20261203131500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mailer_message" add column if not exists "give_up_at" timestamptz null;`);
    this.addSql(`update "mailer_message" set "give_up_at" = greatest("created_at" + interval '3 days', now() + interval '1 day') where "give_up_at" is null and "status" in ('queued', 'sending');`);
    this.addSql(`update "mailer_message" set "next_attempt_at" = now(), "updated_at" = now() where "status" = 'queued' and "next_attempt_at" is null and "deleted_at" is null and "account_id" in (select "id" from "mailer_account" where "status" = 'connection_failed' and ("last_error" is null or split_part("last_error", ':', 1) in ('SMTP_CONNECTION', 'SMTP_TIMEOUT', 'SMTP_SOCKET', 'SMTP_TEMPORARY', 'UNKNOWN')));`);
    this.addSql(`update "mailer_account" set "status" = 'unverified', "updated_at" = now() where "status" = 'connection_failed' and ("last_error" is null or split_part("last_error", ':', 1) in ('SMTP_CONNECTION', 'SMTP_TIMEOUT', 'SMTP_SOCKET', 'SMTP_TEMPORARY', 'UNKNOWN'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "mailer_message" drop column if exists "give_up_at";`);
  }

}
