import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Recipients as arrays, test mode recorded on the row, one-time links sealed outside the body.
 * Existing rows are carried over: a `to` text becomes a one-element array holding the text as it
 * was (not split: delivery now refuses an entry that is not one bare address, so a stored
 * "a@x, b@y" fails instead of mailing both), and rows still waiting keep the routing they would
 * have had at send time before this change: their account's current test mode and address.
 */
export class Migration20261203082252 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mailer_message" add column if not exists "test_recipient" text null, add column if not exists "one_time_link" text null;`);
    this.addSql(`alter table if exists "mailer_message" alter column "to" type jsonb using (case when "to" is null or btrim("to") = '' then null else jsonb_build_array(btrim("to")) end);`);
    this.addSql(`update "mailer_message" as m set "test_mode" = true, "test_recipient" = coalesce(nullif(btrim(a."test_recipient"), ''), a."sender_email") from "mailer_account" as a where m."account_id" = a."id" and a."test_mode" = true and m."status" in ('queued', 'sending') and m."deleted_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "mailer_message" drop column if exists "test_recipient", drop column if exists "one_time_link";`);

    this.addSql(`alter table if exists "mailer_message" alter column "to" type text using (case jsonb_typeof("to") when 'array' then "to" #>> '{0}' when 'string' then "to" #>> '{}' else null end);`);
  }

}
