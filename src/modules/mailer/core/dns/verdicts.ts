import { dkimRecord, dmarcStartRecord, txtRecord, type DnsTxtRecord } from "./dkim-record"
import { dkimPublicKey, isDkimRecord, isDmarcRecord, isSpfRecord, parseTagList, spfAllQualifier } from "./records"
import { DNS_TEXTS, type DnsCheckCode } from "./texts"

/**
 * One TXT lookup's outcome. "none" covers NXDOMAIN and "no TXT records" (the record is missing);
 * "failed" is a lookup that gave no answer (timeout, SERVFAIL, refused): then nothing is known.
 */
export type TxtLookupResult =
  | { kind: "found"; records: string[] }
  | { kind: "none" }
  | { kind: "failed"; reason: "timeout" | "servfail" | "refused" | "error"; code: string }

export type DnsRecordKind = "spf" | "dkim" | "dmarc"
export type DnsRecordStatus = "present" | "missing" | "wrong" | "unchecked"

export interface DnsVerdict {
  record: DnsRecordKind
  /** The name looked up (null for DKIM when the account has no selector). */
  name: string | null
  status: DnsRecordStatus
  code: DnsCheckCode
  /** The TXT records found there that belong to this check (SPF, DKIM or DMARC ones only). */
  found: string[]
  /** What to publish; null when nothing needs to change or nothing can be suggested. */
  publish: DnsTxtRecord | null
  message: { de: string; en: string }
  hint: { de: string; en: string }
}

export const SPF_PLACEHOLDER = "<your-provider's-spf-domain>"

function verdict(
  record: DnsRecordKind,
  name: string | null,
  status: DnsRecordStatus,
  code: DnsCheckCode,
  extra: { domain: string; found?: string[]; publish?: DnsTxtRecord | null; count?: number; failure?: string }
): DnsVerdict {
  const params = { domain: extra.domain, name: name ?? extra.domain, count: extra.count, failure: extra.failure }
  const text = DNS_TEXTS[code]
  return {
    record,
    name,
    status,
    code,
    found: extra.found ?? [],
    publish: extra.publish ?? null,
    message: { de: text.de(params), en: text.en(params) },
    hint: { de: text.hint_de(params), en: text.hint_en(params) },
  }
}

function unchecked(record: DnsRecordKind, name: string, domain: string, result: { reason: string; code: string }): DnsVerdict {
  const code = result.reason === "timeout" ? "DNS_TIMEOUT" : "DNS_LOOKUP_FAILED"
  return verdict(record, name, "unchecked", code, { domain, failure: result.code })
}

export function spfVerdict(domain: string, result: TxtLookupResult): DnsVerdict {
  if (result.kind === "failed") return unchecked("spf", domain, domain, result)
  const found = result.kind === "found" ? result.records.filter(isSpfRecord) : []
  const suggestion = txtRecord(domain, `v=spf1 include:${SPF_PLACEHOLDER} ~all`)
  if (found.length === 0) return verdict("spf", domain, "missing", "SPF_MISSING", { domain, publish: suggestion })
  if (found.length > 1) return verdict("spf", domain, "wrong", "SPF_MULTIPLE", { domain, found, count: found.length })
  if (spfAllQualifier(found[0]) === "+") return verdict("spf", domain, "wrong", "SPF_ALLOWS_ALL", { domain, found })
  return verdict("spf", domain, "present", "SPF_PRESENT", { domain, found })
}

export interface DkimExpectation {
  domain: string
  selector: string | null
  /** base64 SPKI of the account's key; null when the account has no key. */
  publicKey: string | null
}

export function dkimVerdict(expected: DkimExpectation, result: TxtLookupResult | null): DnsVerdict {
  const { domain, selector, publicKey } = expected
  if (!selector || !publicKey || !result) return verdict("dkim", null, "missing", "DKIM_NOT_CONFIGURED", { domain })
  const ours = dkimRecord(selector, domain, publicKey)
  const name = ours.name
  if (result.kind === "failed") return unchecked("dkim", name, domain, result)
  const found = result.kind === "found" ? result.records.filter(isDkimRecord) : []
  if (found.length === 0) return verdict("dkim", name, "missing", "DKIM_MISSING", { domain, publish: ours })
  const keys = found.map(dkimPublicKey)
  if (keys.includes(publicKey)) return verdict("dkim", name, "present", "DKIM_PRESENT", { domain, found })
  const code = keys.every((k) => k === "") ? "DKIM_REVOKED" : "DKIM_WRONG_KEY"
  return verdict("dkim", name, "wrong", code, { domain, found, publish: ours })
}

export function dmarcVerdict(domain: string, result: TxtLookupResult): DnsVerdict {
  const name = `_dmarc.${domain}`
  if (result.kind === "failed") return unchecked("dmarc", name, domain, result)
  const found = result.kind === "found" ? result.records.filter(isDmarcRecord) : []
  const start = dmarcStartRecord(domain)
  if (found.length === 0) return verdict("dmarc", name, "missing", "DMARC_MISSING", { domain, publish: start })
  if (found.length > 1) return verdict("dmarc", name, "wrong", "DMARC_MULTIPLE", { domain, found, count: found.length })
  const policy = parseTagList(found[0])?.get("p")?.toLowerCase()
  if (!policy || !["none", "quarantine", "reject"].includes(policy)) {
    return verdict("dmarc", name, "wrong", "DMARC_INVALID", { domain, found, publish: start })
  }
  return verdict("dmarc", name, "present", "DMARC_PRESENT", { domain, found })
}
