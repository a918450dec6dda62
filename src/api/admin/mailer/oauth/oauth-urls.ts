import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { mailerOf } from "../lib/mailer"

export const CALLBACK_PATH = "/admin/mailer/oauth/callback"

type AdminConfig = { backendUrl?: string | null; path?: string | null }

function adminConfig(req: MedusaRequest): AdminConfig {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as { admin?: AdminConfig }
  return config.admin ?? {}
}

function absolute(value: string | null | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value)
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin + url.pathname.replace(/\/+$/, "") : null
  } catch {
    return null
  }
}

/**
 * The redirect URL the merchant registers with the provider and the flow sends: the plugin's
 * `backend_url` option, else MEDUSA_BACKEND_URL, else the admin's `backendUrl` from
 * medusa-config, else the host this request came to (behind a proxy, Medusa's trust-proxy setting
 * decides the scheme). A forged Host cannot steal a code: the provider only redirects to the URL
 * registered in the app.
 */
export function oauthRedirectUrl(req: MedusaRequest): string {
  const configured =
    absolute(mailerOf(req).pluginOptions.backend_url) ??
    absolute(process.env.MEDUSA_BACKEND_URL) ??
    absolute(adminConfig(req).backendUrl)
  const base = configured ?? `${req.protocol}://${req.get("host")}`
  return `${base}${CALLBACK_PATH}`
}

/**
 * Where the callback sends the browser back to: the accounts page of the admin (the plugin's
 * `admin_url` option when the admin is served elsewhere, else medusa-config's admin path).
 */
export function accountsPageUrl(req: MedusaRequest, query: Record<string, string>): string {
  const adminUrl = absolute(mailerOf(req).pluginOptions.admin_url)
  const base = adminUrl ?? (adminConfig(req).path || "/app").replace(/\/+$/, "")
  return `${base}/settings/mailer/accounts?${new URLSearchParams(query).toString()}`
}
