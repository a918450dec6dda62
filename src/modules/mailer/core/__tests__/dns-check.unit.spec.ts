import { checkSenderDns, type TxtLookup } from "../dns/check"
import { defaultDkimSelector, dkimRecord, domainOfAddress, isValidDomain, isValidSelector, splitTxtValue } from "../dns/dkim-record"
import { dkimPublicKey, isDkimRecord, isDmarcRecord, isSpfRecord, joinTxt, parseTagList, spfAllQualifier } from "../dns/records"
import { DNS_TEXTS } from "../dns/texts"
import { dkimVerdict, dmarcVerdict, spfVerdict, type TxtLookupResult } from "../dns/verdicts"

const KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + "x".repeat(330) + "IDAQAB"
const found = (...records: string[]): TxtLookupResult => ({ kind: "found", records })
const none: TxtLookupResult = { kind: "none" }
const timeout: TxtLookupResult = { kind: "failed", reason: "timeout", code: "ETIMEOUT" }
const servfail: TxtLookupResult = { kind: "failed", reason: "servfail", code: "ESERVFAIL" }

describe("DNS record parsing", () => {
  it("reads tag lists with folded whitespace and refuses repeated tags", () => {
    expect(Object.fromEntries(parseTagList(" v=DKIM1 ;k = rsa; p=AB CD ;")!)).toEqual({ v: "DKIM1", k: "rsa", p: "AB CD" })
    expect(parseTagList("v=DKIM1; p=a; p=b")).toBeNull()
    expect(parseTagList("v=DKIM1; garbage")).toBeNull()
  })

  it("tells SPF, DKIM and DMARC records from other TXT records", () => {
    expect(isSpfRecord("v=spf1 include:_spf.example.net ~all")).toBe(true)
    expect(isSpfRecord("v=spf10 -all")).toBe(false)
    expect(isSpfRecord("google-site-verification=abc")).toBe(false)
    expect(isDmarcRecord("v=DMARC1; p=none")).toBe(true)
    expect(isDmarcRecord("v=DMARC2; p=none")).toBe(false)
    expect(isDkimRecord(`v=DKIM1; k=rsa; p=${KEY}`)).toBe(true)
    expect(isDkimRecord(`k=rsa; p=${KEY}`)).toBe(true)
    expect(isDkimRecord("v=spf1 -all")).toBe(false)
    expect(dkimPublicKey(`v=DKIM1; p=${KEY.slice(0, 100)} ${KEY.slice(100)}`)).toBe(KEY)
    expect(joinTxt(["v=DKIM1; p=ab", "cd"])).toBe("v=DKIM1; p=abcd")
  })

  it("reads the qualifier of the all mechanism", () => {
    expect(spfAllQualifier("v=spf1 mx ~all")).toBe("~")
    expect(spfAllQualifier("v=spf1 mx all")).toBe("+")
    expect(spfAllQualifier("v=spf1 mx -all")).toBe("-")
    expect(spfAllQualifier("v=spf1 mx")).toBeNull()
  })

  it("builds the DKIM record with strings of at most 255 characters", () => {
    const record = dkimRecord("mailer202612", "muster-shop.test", KEY)
    expect(record).toMatchObject({ name: "mailer202612._domainkey.muster-shop.test", type: "TXT", value: `v=DKIM1; k=rsa; p=${KEY}` })
    expect(record.strings.join("")).toBe(record.value)
    expect(record.strings.every((s) => s.length <= 255)).toBe(true)
    expect(record.strings.length).toBe(2)
    expect(splitTxtValue("")).toEqual([""])
  })

  it("checks selectors, domains and the default selector", () => {
    expect(defaultDkimSelector(new Date("2026-03-31T23:30:00Z"))).toBe("mailer202603")
    expect(isValidSelector("mailer202612")).toBe(true)
    expect(isValidSelector("shop.2026")).toBe(true)
    expect(isValidSelector("bad selector")).toBe(false)
    expect(isValidSelector("-x")).toBe(false)
    expect(isValidDomain("muster-shop.test")).toBe(true)
    expect(isValidDomain("localhost")).toBe(false)
    expect(isValidDomain("1.2.3.4")).toBe(false)
    expect(isValidDomain("*.example.com")).toBe(false)
    expect(domainOfAddress("Shop@Muster-Shop.TEST")).toBe("muster-shop.test")
    expect(domainOfAddress("no-at-sign")).toBeNull()
  })
})

describe("DNS verdicts", () => {
  it("SPF: present, missing with the provider placeholder, several, +all, could not check", () => {
    expect(spfVerdict("a.test", found("v=spf1 include:x.test ~all", "other")).status).toBe("present")
    const missing = spfVerdict("a.test", found("google-site-verification=1"))
    expect(missing).toMatchObject({ status: "missing", code: "SPF_MISSING", publish: { name: "a.test", type: "TXT" } })
    expect(missing.publish!.value).toContain("include:<your-provider's-spf-domain>")
    expect(missing.hint.en).toContain("cannot know")
    expect(missing.hint.de).toContain("nicht kennen")
    expect(spfVerdict("a.test", found("v=spf1 -all", "v=spf1 mx -all"))).toMatchObject({ status: "wrong", code: "SPF_MULTIPLE" })
    expect(spfVerdict("a.test", found("v=spf1 +all"))).toMatchObject({ status: "wrong", code: "SPF_ALLOWS_ALL" })
    expect(spfVerdict("a.test", timeout)).toMatchObject({ status: "unchecked", code: "DNS_TIMEOUT", publish: null })
    expect(spfVerdict("a.test", servfail)).toMatchObject({ status: "unchecked", code: "DNS_LOOKUP_FAILED" })
    expect(spfVerdict("a.test", servfail).message.en).toContain("ESERVFAIL")
  })

  it("DKIM: our key, another key, a revoked key, nothing, no key on the account", () => {
    const expected = { domain: "a.test", selector: "s1", publicKey: KEY }
    expect(dkimVerdict(expected, found(`v=DKIM1; k=rsa; p=${KEY}`))).toMatchObject({ status: "present", name: "s1._domainkey.a.test", publish: null })
    const wrong = dkimVerdict(expected, found("v=DKIM1; k=rsa; p=MIIBother"))
    expect(wrong).toMatchObject({ status: "wrong", code: "DKIM_WRONG_KEY", found: ["v=DKIM1; k=rsa; p=MIIBother"] })
    expect(wrong.publish!.value).toBe(`v=DKIM1; k=rsa; p=${KEY}`)
    expect(dkimVerdict(expected, found("v=DKIM1; p="))).toMatchObject({ status: "wrong", code: "DKIM_REVOKED" })
    expect(dkimVerdict(expected, none)).toMatchObject({ status: "missing", code: "DKIM_MISSING" })
    expect(dkimVerdict(expected, timeout)).toMatchObject({ status: "unchecked" })
    expect(dkimVerdict({ ...expected, publicKey: null }, null)).toMatchObject({ status: "missing", code: "DKIM_NOT_CONFIGURED", name: null })
  })

  it("DMARC: present, missing with a p=none start record, several, without policy", () => {
    expect(dmarcVerdict("a.test", found("v=DMARC1; p=reject")).status).toBe("present")
    const missing = dmarcVerdict("a.test", none)
    expect(missing).toMatchObject({ status: "missing", name: "_dmarc.a.test" })
    expect(missing.publish!.value).toBe("v=DMARC1; p=none; rua=mailto:dmarc-reports@a.test")
    expect(dmarcVerdict("a.test", found("v=DMARC1; p=none", "v=DMARC1; p=reject")).code).toBe("DMARC_MULTIPLE")
    expect(dmarcVerdict("a.test", found("v=DMARC1; rua=mailto:x@a.test")).code).toBe("DMARC_INVALID")
    expect(dmarcVerdict("a.test", found("v=DMARC1; p=maybe")).code).toBe("DMARC_INVALID")
  })

  it("every code has German and English text and hint", () => {
    for (const [code, text] of Object.entries(DNS_TEXTS)) {
      const p = { domain: "a.test", name: "x.a.test", count: 2, failure: "ESERVFAIL" }
      for (const t of [text.en(p), text.de(p), text.hint_en(p), text.hint_de(p)]) {
        expect(`${code}: ${t}`).not.toMatch(/undefined|NaN/)
        expect(t.length).toBeGreaterThan(10)
      }
    }
  })
})

describe("checkSenderDns", () => {
  it("looks up SPF and DMARC on the sender's domain and DKIM on the DKIM domain", async () => {
    const asked: string[] = []
    const lookup: TxtLookup = async (name) => {
      asked.push(name)
      if (name === "muster-shop.test") return found("v=spf1 mx ~all")
      if (name === "s1._domainkey.mail.muster-shop.test") return found(`v=DKIM1; k=rsa; p=${KEY}`)
      return none
    }
    const facts = { sender_email: "shop@muster-shop.test", dkim_domain: "mail.muster-shop.test", dkim_selector: "s1", dkim_public_key: KEY }
    const report = await checkSenderDns(facts, lookup)
    expect(asked.sort()).toEqual(["_dmarc.muster-shop.test", "muster-shop.test", "s1._domainkey.mail.muster-shop.test"])
    expect(report!.records.map((r) => [r.record, r.status])).toEqual([
      ["spf", "present"],
      ["dkim", "present"],
      ["dmarc", "missing"],
    ])
  })

  it("does not look up DKIM for an account without a key, and needs a sender address", async () => {
    const asked: string[] = []
    const lookup: TxtLookup = async (name) => (asked.push(name), none)
    const report = await checkSenderDns({ sender_email: "a@b.test", dkim_domain: null, dkim_selector: "s1", dkim_public_key: null }, lookup)
    expect(asked).not.toContain("s1._domainkey.b.test")
    expect(report!.records[1].code).toBe("DKIM_NOT_CONFIGURED")
    expect(await checkSenderDns({ sender_email: null, dkim_domain: null, dkim_selector: null, dkim_public_key: null }, lookup)).toBeNull()
  })
})
