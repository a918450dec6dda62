import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * An account names its transport (delivery/transports: SENDERS), "smtp" for every existing
 * account. Host and port belong to SMTP, so the columns become nullable; the SMTP transport and
 * the admin API still require them for an SMTP account. A new transport adds its value to the
 * check constraint in a migration of its own.
 */
export class Migration20261203130000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mailer_account" add column if not exists "transport" text not null default 'smtp';`);
    this.addSql(`alter table if exists "mailer_account" drop constraint if exists "mailer_account_transport_check";`);
    this.addSql(`alter table if exists "mailer_account" add constraint "mailer_account_transport_check" check ("transport" in ('smtp'));`);
    this.addSql(`alter table if exists "mailer_account" alter column "host" drop not null, alter column "port" drop not null;`);
  }

  override async down(): Promise<void> {
    // Before, every account was SMTP with a server; an account without one keeps its row (and its
    // mails' log) with an empty host the SMTP transport refuses, instead of being deleted.
    this.addSql(`update "mailer_account" set "host" = coalesce("host", ''), "port" = coalesce("port", 0) where "host" is null or "port" is null;`);
    this.addSql(`alter table if exists "mailer_account" alter column "host" set not null, alter column "port" set not null;`);
    this.addSql(`alter table if exists "mailer_account" drop constraint if exists "mailer_account_transport_check";`);
    this.addSql(`alter table if exists "mailer_account" drop column if exists "transport";`);
  }

}
