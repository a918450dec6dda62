import { Resolver } from "node:dns/promises"
import type { TxtLookup } from "../core/dns/check"
import { joinTxt } from "../core/dns/records"
import type { TxtLookupResult } from "../core/dns/verdicts"
import type { MailerPluginOptions } from "../types"

/** Comma-separated DNS servers ("127.0.0.1:5353,9.9.9.9") when the plugin option is not set. */
export const DNS_SERVERS_ENV = "MAILER_DNS_SERVERS"
export const DEFAULT_DNS_TIMEOUT_MS = 5_000

/**
 * The servers the DNS check asks: the plugin option, else MAILER_DNS_SERVERS, else the
 * system's resolvers. Read per check, so a changed environment applies without a restart.
 */
export function dnsServersFrom(options: Pick<MailerPluginOptions, "dns_servers">): string[] | undefined {
  if (options.dns_servers?.length) return options.dns_servers
  const env = process.env[DNS_SERVERS_ENV]?.split(",").map((s) => s.trim()).filter(Boolean)
  return env?.length ? env : undefined
}

// NXDOMAIN and "no TXT records": the record is not there. Everything else means no answer.
const ABSENT = new Set(["ENOTFOUND", "ENODATA"])
const TIMEOUT = new Set(["ETIMEOUT", "ECANCELLED"])

export function classifyLookupError(err: unknown): TxtLookupResult {
  const code = String((err as { code?: unknown })?.code ?? "EUNKNOWN")
  if (ABSENT.has(code)) return { kind: "none" }
  if (TIMEOUT.has(code)) return { kind: "failed", reason: "timeout", code: "ETIMEOUT" }
  if (code === "ESERVFAIL") return { kind: "failed", reason: "servfail", code }
  if (code === "EREFUSED" || code === "ECONNREFUSED") return { kind: "failed", reason: "refused", code }
  return { kind: "failed", reason: "error", code }
}

/**
 * A TXT lookup through its own Resolver (node:dns/promises), so the check can be pointed at
 * other servers than the system's without touching the process-wide resolver. Two tries inside
 * the timeout; after it the query is cancelled and reported as "could not check".
 */
export function createTxtLookup(opts: { servers?: string[]; timeoutMs?: number }): TxtLookup {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_DNS_TIMEOUT_MS
  return async (name) => {
    const resolver = new Resolver({ timeout: Math.max(100, Math.floor(timeoutMs / 3)), tries: 2 })
    if (opts.servers?.length) resolver.setServers(opts.servers)
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        resolver.cancel()
        reject(Object.assign(new Error(`no answer for ${name} within ${timeoutMs} ms`), { code: "ETIMEOUT" }))
      }, timeoutMs)
    })
    try {
      const rows = await Promise.race([resolver.resolveTxt(name), deadline])
      return { kind: "found", records: rows.map(joinTxt) }
    } catch (err) {
      return classifyLookupError(err)
    } finally {
      clearTimeout(timer)
    }
  }
}
