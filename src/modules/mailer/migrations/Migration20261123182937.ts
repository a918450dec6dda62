import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123182937 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mailer_staff_profile" drop constraint if exists "mailer_staff_profile_user_id_unique";`);
    this.addSql(`alter table if exists "mailer_message" drop constraint if exists "mailer_message_idempotency_key_unique";`);
    this.addSql(`alter table if exists "mailer_account" drop constraint if exists "mailer_account_is_default_unique";`);
    this.addSql(`create table if not exists "mailer_account" ("id" text not null, "name" text not null, "sender_name" text not null, "sender_email" text not null, "reply_to" text null, "host" text not null, "port" integer not null, "security" text check ("security" in ('ssl', 'starttls', 'none')) not null default 'starttls', "auth_required" boolean not null default true, "username" text null, "password" text null, "signature_html" text null, "greeting" text null, "contact_name" text null, "contact_phone" text null, "contact_mobile" text null, "contact_email" text null, "contact_fax" text null, "cc_1" text null, "cc_2" text null, "bcc" text null, "is_default" boolean not null default false, "sales_channel_ids" jsonb not null default '{"ids":[]}', "test_mode" boolean not null default true, "test_recipient" text null, "rate_limit_messages" integer null, "rate_limit_pause_ms" integer null, "daily_quota" integer null, "dkim_domain" text null, "dkim_selector" text null, "dkim_private_key" text null, "status" text check ("status" in ('unverified', 'ok', 'auth_failed', 'tls_failed', 'connection_failed')) not null default 'unverified', "verified_at" timestamptz null, "last_error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mailer_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_account_deleted_at" ON "mailer_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mailer_account_is_default_unique" ON "mailer_account" ("is_default") WHERE is_default = true AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "mailer_message" ("id" text not null, "idempotency_key" text not null, "status" text check ("status" in ('queued', 'sending', 'sent', 'failed', 'skipped')) not null default 'queued', "event_name" text not null, "template_id" text null, "account_id" text null, "locale" text null, "resource_type" text null, "resource_id" text null, "to" text null, "cc" jsonb null, "bcc" jsonb null, "reply_to" text null, "from" text null, "envelope" jsonb null, "test_mode" boolean not null default false, "subject" text null, "html" text null, "text" text null, "message_id" text null, "accepted" jsonb null, "rejected" jsonb null, "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "lease_until" timestamptz null, "error_code" text null, "error_message" text null, "error_hint" text null, "smtp_response_code" integer null, "skip_reason" text null, "sent_at" timestamptz null, "resent_from_id" text null, "triggered_by" text not null default 'system', "staff_user_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mailer_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mailer_message_idempotency_key_unique" ON "mailer_message" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_message_deleted_at" ON "mailer_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_message_status_next_attempt_at" ON "mailer_message" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_message_resource_id" ON "mailer_message" ("resource_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_message_event_name" ON "mailer_message" ("event_name") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_message_account_id_status" ON "mailer_message" ("account_id", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "mailer_settings" ("id" text not null, "default_locale" text not null default 'de', "enabled_events" jsonb not null default '{}', "layout_html" text null, "log_retention_days" integer not null default 180, "storefront_url" text null, "admin_url" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mailer_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_settings_deleted_at" ON "mailer_settings" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "mailer_staff_profile" ("id" text not null, "user_id" text not null, "display_name" text null, "email" text null, "phone" text null, "mobile" text null, "fax" text null, "signature_html" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mailer_staff_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_staff_profile_deleted_at" ON "mailer_staff_profile" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mailer_staff_profile_user_id_unique" ON "mailer_staff_profile" ("user_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "mailer_template" ("id" text not null, "event_name" text not null, "locale" text not null, "sales_channel_id" text null, "account_id" text null, "subject" text not null, "body_html" text not null, "body_text" text null, "is_active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mailer_template_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_template_deleted_at" ON "mailer_template" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mailer_template_event_locale_all_channels" ON "mailer_template" ("event_name", "locale") WHERE sales_channel_id IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mailer_template_event_locale_channel" ON "mailer_template" ("event_name", "locale", "sales_channel_id") WHERE sales_channel_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mailer_account" cascade;`);

    this.addSql(`drop table if exists "mailer_message" cascade;`);

    this.addSql(`drop table if exists "mailer_settings" cascade;`);

    this.addSql(`drop table if exists "mailer_staff_profile" cascade;`);

    this.addSql(`drop table if exists "mailer_template" cascade;`);
  }

}
