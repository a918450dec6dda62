/**
 * The OAuth2 columns of an account as the API shows them (docs: /work/notes/oauth-contract.md):
 * one `oauth` object with the app registration and the connection state, never the client
 * secret or a token (only has_client_secret / connected). Null for password accounts.
 */
export function splitOAuthColumns(account: Record<string, any>): { fields: Record<string, any>; oauth: Record<string, unknown> | null } {
  const fields: Record<string, any> = {}
  for (const [key, value] of Object.entries(account)) {
    if (!key.startsWith("oauth_")) fields[key] = value
  }
  fields.auth_method = account.auth_method ?? "password"
  if (fields.auth_method !== "oauth2") return { fields, oauth: null }
  return {
    fields,
    oauth: {
      provider: account.oauth_provider ?? null,
      client_id: account.oauth_client_id ?? null,
      tenant: account.oauth_tenant ?? null,
      authorize_url: account.oauth_authorize_url ?? null,
      token_url: account.oauth_token_url ?? null,
      scopes: typeof account.oauth_scopes === "string" ? account.oauth_scopes.split(/\s+/).filter(Boolean) : [],
      has_client_secret: Boolean(account.oauth_client_secret),
      connected: Boolean(account.oauth_refresh_token),
      connected_identity: account.oauth_identity ?? null,
      connected_at: isoOrNull(account.oauth_connected_at),
      access_token_expires_at: isoOrNull(account.oauth_access_token_expires_at),
    },
  }
}

function isoOrNull(value: unknown): string | null {
  if (!value) return null
  const date = value instanceof Date ? value : new Date(String(value))
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
