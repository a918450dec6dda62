import { createHash } from "node:crypto"

/**
 * Links that mails carry (password reset, invitation, shop) and the small
 * pure helpers around them. No Medusa imports: unit-tested in core/__tests__.
 */

export interface LinkBaseSources {
  /** The plugin's settings row (edited in the admin): wins. */
  settings?: { storefront_url?: string | null; admin_url?: string | null } | null
  /** The plugin's options in medusa-config.ts (`storefront_url`, `admin_url`). */
  options?: Record<string, unknown> | null
  /** medusa-config.ts `admin`: `storefrontUrl`, and `backendUrl` + `path` for the admin. */
  admin?: { storefrontUrl?: string | null; backendUrl?: string | null; path?: string | null } | null
}

export interface LinkBases {
  /** e.g. "https://shop.example.com" (no trailing slash), null when nothing usable is configured. */
  storefront_url: string | null
  /** e.g. "https://shop.example.com/app", null when nothing usable is configured. */
  admin_url: string | null
}

/**
 * Where links point: settings → plugin option → Medusa's admin config. Only
 * absolute http(s) URLs count: Medusa's default `backendUrl` is "/", which
 * means "the browser's origin" in the admin and nothing at all in a mail.
 */
export function resolveLinkBases(sources: LinkBaseSources): LinkBases {
  const admin = sources.admin ?? {}
  const backend = firstAbsolute(admin.backendUrl)
  const adminFromConfig = backend ? joinPath(backend, admin.path || "/app") : null
  return {
    storefront_url: firstAbsolute(
      sources.settings?.storefront_url,
      sources.options?.storefront_url,
      admin.storefrontUrl
    ),
    admin_url: firstAbsolute(sources.settings?.admin_url, sources.options?.admin_url, adminFromConfig),
  }
}

/** `${base}/reset-password?token=…&email=…`: the storefront's or the admin's reset page. */
export function passwordResetUrl(base: string, token: string, email: string): string {
  return `${joinPath(base, "/reset-password")}?${new URLSearchParams({ token, email })}`
}

/** `${admin}/invite?token=…`: the Medusa admin's page for accepting an invitation. */
export function inviteUrl(adminBase: string, token: string): string {
  return `${joinPath(adminBase, "/invite")}?${new URLSearchParams({ token })}`
}

/**
 * The URL if it is an absolute http(s) URL, else null. Tracking links come
 * from fulfillment providers and land in `href`; Handlebars escapes quotes but
 * would let a `javascript:` URL through, so anything else is dropped here.
 */
export function absoluteHttpUrl(value: unknown): string | null {
  if (typeof value !== "string" || value.trim() === "") return null
  try {
    const url = new URL(value.trim())
    if (url.protocol !== "http:" && url.protocol !== "https:") return null
    return url.toString()
  } catch {
    return null
  }
}

/**
 * A short, stable fingerprint of a secret token for idempotency keys: two
 * resets of the same account are two mails, and the key never holds the token.
 */
export function tokenFingerprint(token: string): string {
  return createHash("sha256").update(token).digest("hex").slice(0, 16)
}

/**
 * How long a JWT (Medusa's reset token) is valid, in whole minutes, read from
 * its unverified `iat`/`exp` claims; null when the token says nothing usable.
 * Only for telling the reader "valid for 15 minutes": nothing is trusted.
 */
export function tokenLifetimeMinutes(token: string): number | null {
  const payload = token.split(".")[1]
  if (!payload) return null
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>
    const { iat, exp } = claims
    if (typeof iat !== "number" || typeof exp !== "number" || exp <= iat) return null
    return Math.round((exp - iat) / 60)
  } catch {
    return null
  }
}

/** The first absolute http(s) URL, without trailing slash (a base to append paths to). */
function firstAbsolute(...values: unknown[]): string | null {
  for (const value of values) {
    const url = absoluteHttpUrl(value)
    if (url) return url.replace(/\/+$/, "")
  }
  return null
}

function joinPath(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`
}
