import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * OAuth2 (XOAUTH2) accounts: the sign-in method, the app registration and the sealed tokens on
 * the account; the status "reauth_required" (the provider refused the refresh token); and the
 * table of started authorizations (state hash, PKCE verifier sealed, 10-minute expiry).
 */
export class Migration20261203131000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mailer_account" add column if not exists "auth_method" text check ("auth_method" in ('password', 'oauth2')) not null default 'password', add column if not exists "oauth_provider" text check ("oauth_provider" in ('microsoft', 'google', 'generic')) null, add column if not exists "oauth_client_id" text null, add column if not exists "oauth_client_secret" text null, add column if not exists "oauth_tenant" text null, add column if not exists "oauth_authorize_url" text null, add column if not exists "oauth_token_url" text null, add column if not exists "oauth_scopes" text null, add column if not exists "oauth_refresh_token" text null, add column if not exists "oauth_access_token" text null, add column if not exists "oauth_access_token_expires_at" timestamptz null, add column if not exists "oauth_identity" text null, add column if not exists "oauth_connected_at" timestamptz null;`);
    this.addSql(`alter table if exists "mailer_account" drop constraint if exists "mailer_account_status_check";`);
    this.addSql(`alter table if exists "mailer_account" add constraint "mailer_account_status_check" check ("status" in ('unverified', 'ok', 'auth_failed', 'tls_failed', 'connection_failed', 'reauth_required'));`);

    this.addSql(`create table if not exists "mailer_oauth_state" ("id" text not null, "state_hash" text not null, "account_id" text not null, "user_id" text not null, "code_verifier" text not null, "redirect_uri" text not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mailer_oauth_state_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mailer_oauth_state_deleted_at" ON "mailer_oauth_state" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mailer_oauth_state_state_hash_unique" ON "mailer_oauth_state" ("state_hash") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mailer_oauth_state" cascade;`);
    this.addSql(`update "mailer_account" set "status" = 'auth_failed' where "status" = 'reauth_required';`);
    this.addSql(`alter table if exists "mailer_account" drop constraint if exists "mailer_account_status_check";`);
    this.addSql(`alter table if exists "mailer_account" add constraint "mailer_account_status_check" check ("status" in ('unverified', 'ok', 'auth_failed', 'tls_failed', 'connection_failed'));`);
    this.addSql(`alter table if exists "mailer_account" drop column if exists "auth_method", drop column if exists "oauth_provider", drop column if exists "oauth_client_id", drop column if exists "oauth_client_secret", drop column if exists "oauth_tenant", drop column if exists "oauth_authorize_url", drop column if exists "oauth_token_url", drop column if exists "oauth_scopes", drop column if exists "oauth_refresh_token", drop column if exists "oauth_access_token", drop column if exists "oauth_access_token_expires_at", drop column if exists "oauth_identity", drop column if exists "oauth_connected_at";`);
  }

}
