import type { MedusaRequest } from "@medusajs/framework/http"
import type { MailerLanguage } from "../../../../modules/mailer/core/errors"

/** The language an admin API answer is written in: the request's Accept-Language, else English. */
export function requestLanguage(req: MedusaRequest): MailerLanguage {
  return pickLanguage(req.headers["accept-language"])
}

/**
 * Picks German or English from an Accept-Language header, honouring q-values
 * ("fr, de;q=0.8, en;q=0.5" → de). Anything else, or no header, reads as English.
 */
export function pickLanguage(acceptLanguage?: string | null): MailerLanguage {
  if (!acceptLanguage) return "en"
  let best: { lang: MailerLanguage; q: number } | null = null
  for (const part of acceptLanguage.split(",")) {
    const [tag, ...params] = part.trim().split(";")
    const lang = tag.trim().toLowerCase().split("-")[0]
    if (lang !== "de" && lang !== "en") continue
    const q = parseQuality(params)
    // strictly greater: on equal weight the earlier entry wins, as the header lists preference order
    if (q > 0 && (!best || q > best.q)) best = { lang, q }
  }
  return best?.lang ?? "en"
}

function parseQuality(params: string[]): number {
  for (const param of params) {
    const [key, value] = param.trim().split("=")
    if (key?.trim().toLowerCase() === "q") {
      const q = Number(value)
      return Number.isFinite(q) ? q : 0
    }
  }
  return 1
}
