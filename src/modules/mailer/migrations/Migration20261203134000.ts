import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The mail log over many rows (issue 10, P5): every list query sorts by created_at (newest
 * first, id as tie-breaker) and filters by resource id or status, so each of those leads an
 * index that already holds the order; a page is then read from the index instead of sorting
 * every matching row. Partial like the model's other indexes (deleted rows are never listed).
 */
export class Migration20261203134000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_message_created_at_id" ON "mailer_message" ("created_at", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_message_status_created_at_id" ON "mailer_message" ("status", "created_at", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_message_resource_id_created_at" ON "mailer_message" ("resource_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_mailer_message_created_at_id";`);
    this.addSql(`drop index if exists "IDX_mailer_message_status_created_at_id";`);
    this.addSql(`drop index if exists "IDX_mailer_message_resource_id_created_at";`);
  }

}
