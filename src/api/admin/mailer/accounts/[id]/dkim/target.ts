import {
  defaultDkimSelector,
  domainOfAddress,
  isValidDomain,
  isValidSelector,
} from "../../../../../../modules/mailer/core/dns/dkim-record"
import { ApiError, fieldError } from "../../../lib/http-errors"

export interface DkimTarget {
  selector: string
  domain: string
}

/**
 * Where the new key is published: the given selector and domain or the defaults. The domain
 * must be the sender's domain, a parent or a subdomain of it: a signature for an unrelated
 * domain does not count for DMARC (no alignment), so the merchant would publish a key for nothing.
 */
export function dkimTarget(account: Record<string, any>, body: { selector?: string; domain?: string }, now: Date): DkimTarget {
  const senderDomain = domainOfAddress(account.sender_email)
  const selector = body.selector || defaultDkimSelector(now)
  const domain = (body.domain || senderDomain || "").replace(/\.$/, "")
  const errors = []
  if (!isValidSelector(selector)) {
    errors.push(
      fieldError("selector", "INVALID_DKIM_SELECTOR", {
        en: `"selector" must be letters, digits and hyphens (dots between parts), e.g. mailer202612; "${selector}" is not.`,
        de: `„selector“ darf nur Buchstaben, Ziffern und Bindestriche (Punkte zwischen Teilen) enthalten, z. B. mailer202612; „${selector}“ passt nicht.`,
      })
    )
  }
  if (!isValidDomain(domain)) {
    errors.push(
      fieldError("domain", "INVALID_DKIM_DOMAIN", {
        en: `"domain" must be a domain name like muster-shop.de; "${domain}" is not.`,
        de: `„domain“ muss ein Domainname wie muster-shop.de sein; „${domain}“ ist keiner.`,
      })
    )
  } else if (senderDomain && !aligned(domain, senderDomain)) {
    errors.push(
      fieldError("domain", "DKIM_DOMAIN_NOT_ALIGNED", {
        en: `"domain" must be the sender's domain ${senderDomain}, a parent or a subdomain of it: receivers check DKIM against the From domain (DMARC).`,
        de: `„domain“ muss die Domain der Absenderadresse (${senderDomain}), eine übergeordnete oder eine Subdomain davon sein: Empfänger prüfen DKIM gegen die Absender-Domain (DMARC).`,
      })
    )
  }
  if (errors.length) throw new ApiError("INVALID_DATA", { errors })
  return { selector, domain }
}

function aligned(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`)
}
