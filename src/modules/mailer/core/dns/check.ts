import { domainOfAddress } from "./dkim-record"
import { dkimVerdict, dmarcVerdict, spfVerdict, type DnsVerdict, type TxtLookupResult } from "./verdicts"

export type TxtLookup = (name: string) => Promise<TxtLookupResult>

export interface SenderDnsFacts {
  sender_email: string | null
  dkim_domain: string | null
  dkim_selector: string | null
  /** base64 SPKI of the account's DKIM key (derived from the stored private key), or null. */
  dkim_public_key: string | null
}

export interface SenderDnsReport {
  /** The sender address's domain: SPF and DMARC are about the From domain. */
  domain: string
  /** Where the DKIM key is looked up (the account's DKIM domain, else the sender's). */
  dkim_domain: string
  records: DnsVerdict[]
}

/**
 * Looks up SPF, DKIM and DMARC for an account's sender domain at the same time and judges each.
 * Null when the account has no sender address to take a domain from.
 */
export async function checkSenderDns(facts: SenderDnsFacts, lookup: TxtLookup): Promise<SenderDnsReport | null> {
  const domain = domainOfAddress(facts.sender_email)
  if (!domain) return null
  const dkimDomain = facts.dkim_domain?.trim().toLowerCase() || domain
  const selector = facts.dkim_selector?.trim() || null
  const dkimName = selector && facts.dkim_public_key ? `${selector}._domainkey.${dkimDomain}` : null
  const [spf, dkim, dmarc] = await Promise.all([
    lookup(domain),
    dkimName ? lookup(dkimName) : Promise.resolve(null),
    lookup(`_dmarc.${domain}`),
  ])
  return {
    domain,
    dkim_domain: dkimDomain,
    records: [
      spfVerdict(domain, spf),
      dkimVerdict({ domain: dkimDomain, selector, publicKey: facts.dkim_public_key }, dkim),
      dmarcVerdict(domain, dmarc),
    ],
  }
}
