import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203092747 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mailer_settings" add column if not exists "shop_country_code" text null, add column if not exists "tax_note" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "mailer_settings" drop column if exists "shop_country_code", drop column if exists "tax_note";`);
  }

}
