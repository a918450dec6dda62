import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The occurrence of an outbox row (which fulfillment, return, refund … of one resource) gets
 * its own column instead of being parsed back out of the idempotency key. Existing event rows
 * are carried over from their key, `event:resource/occurrence:template_event:locale` (parts
 * escaped with %3A for ":" and %25 for "%"); resend and test rows have no occurrence in theirs.
 */
export class Migration20261203092937 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mailer_message" add column if not exists "occurrence" text null;`);
    this.addSql(`update "mailer_message" set "occurrence" = replace(replace(nullif(substr(split_part("idempotency_key", ':', 2), strpos(split_part("idempotency_key", ':', 2), '/') + 1), ''), '%3A', ':'), '%25', '%') where "occurrence" is null and split_part("idempotency_key", ':', 1) not in ('resend', 'test') and strpos(split_part("idempotency_key", ':', 2), '/') > 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "mailer_message" drop column if exists "occurrence";`);
  }

}
