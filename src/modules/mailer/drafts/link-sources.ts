import { resolveLinkBases, type LinkBases } from "../core/links"
import type { DraftReads } from "./types"

type AdminConfig = { storefrontUrl?: string | null; backendUrl?: string | null; path?: string | null }

/**
 * Where links point, from the settings row the pipeline has already read, the plugin's options
 * and medusa-config's `admin` (core/links.ts says in which order). Read here, once per mail,
 * instead of by every loader.
 */
export function linkBasesOf(mailer: DraftReads, settings: Record<string, any>): LinkBases {
  return resolveLinkBases({
    settings: { storefront_url: settings?.storefront_url, admin_url: settings?.admin_url },
    options: (mailer.pluginOptions ?? null) as Record<string, unknown> | null,
    admin: adminConfigOf(mailer),
  })
}

/**
 * medusa-config's `admin`: Medusa registers `configModule` in every module's own container,
 * which MedusaService keeps as `__container__` (an awilix cradle: reading the key resolves it).
 * A container without it (a module test) means no admin config, not an error.
 */
function adminConfigOf(mailer: DraftReads): AdminConfig | null {
  try {
    const cradle = (mailer as { __container__?: { configModule?: { admin?: AdminConfig } } }).__container__
    return cradle?.configModule?.admin ?? null
  } catch {
    return null
  }
}
