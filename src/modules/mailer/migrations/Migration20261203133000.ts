import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Daily quota and rate limit across processes: `attempted_at` is when delivery granted a row
 * its send (under the account's advisory lock, delivery/send-allowance.ts). The quota counts
 * today's sent rows (and those being sent) by it, the rate limit the starts in its window,
 * both per account, so the index leads with the account. Rows sent before this migration
 * count by their sent_at. Not partial: a soft-deleted log row was still sent.
 */
export class Migration20261203133000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mailer_message" add column if not exists "attempted_at" timestamptz null;`);
    this.addSql(`update "mailer_message" set "attempted_at" = "sent_at" where "attempted_at" is null and "status" = 'sent' and "sent_at" is not null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_message_account_id_attempted_at" ON "mailer_message" ("account_id", "attempted_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_mailer_message_account_id_attempted_at";`);
    this.addSql(`alter table if exists "mailer_message" drop column if exists "attempted_at";`);
  }

}
