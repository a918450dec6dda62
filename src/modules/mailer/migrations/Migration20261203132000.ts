import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The event inbox (models/event.ts): the subscriber records each event before processing it,
 * so a failure while loading or rendering is retried by the outbox job instead of lost.
 */
export class Migration20261203132000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "mailer_event" ("id" text not null, "event_name" text not null, "data" jsonb not null, "received_at" timestamptz not null, "status" text check ("status" in ('pending', 'processing', 'done', 'failed')) not null default 'pending', "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "lease_until" timestamptz null, "last_error" jsonb null, "message_ids" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mailer_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_event_deleted_at" ON "mailer_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_event_status_next_attempt_at" ON "mailer_event" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mailer_event" cascade;`);
  }

}
