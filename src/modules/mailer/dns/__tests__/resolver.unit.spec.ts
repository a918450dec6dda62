import { TestDnsServer } from "../../__tests__/support/dns-server"
import { createTxtLookup, dnsServersFrom, DNS_SERVERS_ENV } from "../resolver"

/** The module's TXT lookup against a real DNS server on 127.0.0.1 (no outside network). */
describe("createTxtLookup", () => {
  const dns = new TestDnsServer()
  beforeAll(() => dns.start())
  afterAll(() => dns.stop())

  it("joins the strings of each TXT record and tells absent names from unanswered ones", async () => {
    dns.zone.set("a.test", { txt: [["v=spf1 ", "mx ~all"], ["other"]] })
    dns.zone.set("empty.test", { txt: [] })
    dns.zone.set("broken.test", "servfail")
    dns.zone.set("slow.test", "silent")
    const lookup = createTxtLookup({ servers: [dns.address], timeoutMs: 1500 })

    expect(await lookup("a.test")).toEqual({ kind: "found", records: ["v=spf1 mx ~all", "other"] })
    expect(await lookup("nothing.test")).toEqual({ kind: "none" }) // NXDOMAIN
    expect(await lookup("empty.test")).toEqual({ kind: "none" }) // NOERROR, no TXT
    expect(await lookup("broken.test")).toEqual({ kind: "failed", reason: "servfail", code: "ESERVFAIL" })
    expect(await lookup("slow.test")).toEqual({ kind: "failed", reason: "timeout", code: "ETIMEOUT" })
    expect(dns.questions).toContain("slow.test")
  })

  it("takes the servers from the option, else from MAILER_DNS_SERVERS", () => {
    const before = process.env[DNS_SERVERS_ENV]
    try {
      process.env[DNS_SERVERS_ENV] = "127.0.0.1:5353, 10.0.0.1"
      expect(dnsServersFrom({})).toEqual(["127.0.0.1:5353", "10.0.0.1"])
      expect(dnsServersFrom({ dns_servers: ["9.9.9.9"] })).toEqual(["9.9.9.9"])
      delete process.env[DNS_SERVERS_ENV]
      expect(dnsServersFrom({})).toBeUndefined()
    } finally {
      if (before === undefined) delete process.env[DNS_SERVERS_ENV]
      else process.env[DNS_SERVERS_ENV] = before
    }
  })
})
