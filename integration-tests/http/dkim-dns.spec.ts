import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { generateKeyPairSync } from "node:crypto"
// mailauth's DKIM verifier, given the public key through its resolver instead of DNS
import { dkimVerify } from "mailauth/lib/dkim/verify"
import { splitTxtValue } from "../../src/modules/mailer/core/dns/dkim-record"
import { publicKeyOfPrivate } from "../../src/modules/mailer/dns/dkim-key"
import { DNS_SERVERS_ENV } from "../../src/modules/mailer/dns/resolver"
import { secretBoxFromOptions } from "../../src/modules/mailer/lib/secrets"
import { TestDnsServer } from "../../src/modules/mailer/__tests__/support/dns-server"
import { createAdminSession } from "../helpers/admin"
import { adminClient, OutputCapture, type AdminClient } from "../helpers/admin-api"
import { mailerOf, sinkAccount } from "../helpers/mailer"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"

jest.setTimeout(180_000)

type TxtResolver = (name: string, rr: string) => Promise<string[][]>

/** A resolver for mailauth that knows exactly one TXT record and nothing else. */
function resolverWith(name: string, strings: string[]): TxtResolver {
  return async (asked, rr) => {
    if (asked === name && rr === "TXT") return [strings]
    throw Object.assign(new Error(`queryTxt ENOTFOUND ${asked}`), { code: "ENOTFOUND" })
  }
}

/** The PEM's base64 body lines, each of which must appear nowhere outside the sealed column. */
function pemLines(pem: string): string[] {
  return pem.split("\n").filter((l) => l.length > 40 && !l.startsWith("-----"))
}

const otherPublicKey = () =>
  generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "der" }).toString("base64")

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const sink = new SmtpSink()
    const dns = new TestDnsServer()
    const output = new OutputCapture()
    const envBefore = process.env[DNS_SERVERS_ENV]
    let admin: AdminClient

    const createAccount = async (sender: string) => {
      const res = await admin.post("/admin/mailer/accounts", sinkAccount(sink, { sender_email: sender, username: sender }))
      expect(res.status).toBe(200)
      return res.data.account as { id: string }
    }
    const storedPem = async (id: string) => {
      const mailer = mailerOf(getContainer())
      const row = (await mailer.retrieveMailerAccount(id)) as { dkim_private_key: string }
      return secretBoxFromOptions(mailer.pluginOptions).open(row.dkim_private_key, id)
    }

    beforeAll(async () => {
      output.start()
      await sink.start()
      await dns.start()
      // read per check (dns/resolver.ts), so setting it after the app started is enough
      process.env[DNS_SERVERS_ENV] = dns.address
      admin = adminClient(api, (await createAdminSession(getContainer())).headers)
    })
    afterAll(async () => {
      output.stop()
      if (envBefore === undefined) delete process.env[DNS_SERVERS_ENV]
      else process.env[DNS_SERVERS_ENV] = envBefore
      await Promise.all([sink.stop(), dns.stop()])
    })
    beforeEach(() => sink.reset())

    it("generates a key whose signature on the account's mail verifies, and never shows the private key", async () => {
      const account = await createAccount("shop@muster-shop.test")
      const generated = await admin.post(`/admin/mailer/accounts/${account.id}/dkim`, {})
      expect(generated.status).toBe(200)
      const { dns_record: record, selector, domain } = generated.data
      expect(selector).toMatch(/^mailer\d{6}$/)
      expect(domain).toBe("muster-shop.test")
      expect(record).toMatchObject({ name: `${selector}._domainkey.muster-shop.test`, type: "TXT" })
      expect(record.value).toMatch(/^v=DKIM1; k=rsa; p=MIIBIjAN[A-Za-z0-9+/=]+$/)
      expect(record.strings.join("")).toBe(record.value)
      expect(Math.max(...record.strings.map((s: string) => s.length))).toBeLessThanOrEqual(255)
      expect(generated.data.hint).toContain("255")
      expect(generated.data.account.dkim).toEqual({ domain, selector, has_private_key: true, public_record: record })

      // the stored key is sealed: the row holds no PEM, and it opens to the pair of the published key
      const pem = await storedPem(account.id)
      expect(pem).toContain("-----BEGIN PRIVATE KEY-----")
      expect(`v=DKIM1; k=rsa; p=${publicKeyOfPrivate(pem)}`).toBe(record.value)
      const { rows } = await dbConnection.raw(`select dkim_private_key from mailer_account where id = ?`, [account.id])
      expect(rows[0].dkim_private_key).not.toContain("PRIVATE KEY")
      for (const line of pemLines(pem)) expect(rows[0].dkim_private_key).not.toContain(line)

      // every mail of the account is now signed with it
      const sent = await admin.post(`/admin/mailer/accounts/${account.id}/test-email`, { to: "kundin@example.test" })
      expect(sent.status).toBe(200)
      const mail = await waitFor(() => sink.mails.find((m) => m.envelope.to.includes("kundin@example.test")), "the signed test mail", 60_000)
      expect(mail.raw).toMatch(/^DKIM-Signature: .*d=muster-shop\.test/m)
      const verified = await dkimVerify(mail.raw, { resolver: resolverWith(record.name, record.strings) })
      expect(verified.results).toHaveLength(1)
      expect(verified.results[0]).toMatchObject({ signingDomain: "muster-shop.test", selector, status: { result: "pass" } })
      // the same mail does not verify against another key (the check can fail)
      const forged = await dkimVerify(mail.raw, { resolver: resolverWith(record.name, [`v=DKIM1; k=rsa; p=${otherPublicKey()}`]) })
      expect(forged.results[0].status.result).not.toBe("pass")

      // shown again (derived from the stored key), and the private key is in no answer and no log line
      const again = await admin.get(`/admin/mailer/accounts/${account.id}/dkim`)
      expect(again.data.dkim).toEqual({ domain, selector, has_private_key: true, public_record: record })
      const detail = await admin.get(`/admin/mailer/accounts/${account.id}`)
      expect(detail.data.account.dkim).toEqual({ domain, selector, has_private_key: true })
      expect(detail.data.account.has_dkim_private_key).toBe(true)
      for (const text of [...admin.bodies, output.text]) {
        expect(text).not.toContain("PRIVATE KEY")
        for (const line of pemLines(pem)) expect(text).not.toContain(line)
      }
    })

    it("takes a chosen selector and refuses a bad selector or an unrelated domain with a clear error", async () => {
      const account = await createAccount("info@mail.beispiel.test")
      const chosen = await admin.post(`/admin/mailer/accounts/${account.id}/dkim`, { selector: "Shop2026", domain: "beispiel.test" })
      expect(chosen.status).toBe(200)
      expect(chosen.data.dns_record.name).toBe("shop2026._domainkey.beispiel.test")

      const bad = await admin.post(`/admin/mailer/accounts/${account.id}/dkim`, { selector: "mein schlüssel" }, { "accept-language": "de" })
      expect(bad.status).toBe(400)
      expect(bad.data.code).toBe("INVALID_DATA")
      expect(bad.data.errors).toEqual([expect.objectContaining({ field: "selector", code: "INVALID_DKIM_SELECTOR", message: expect.stringContaining("Buchstaben") })])

      const foreign = await admin.post(`/admin/mailer/accounts/${account.id}/dkim`, { domain: "fremd.test" })
      expect(foreign.status).toBe(400)
      expect(foreign.data.errors[0]).toMatchObject({ field: "domain", code: "DKIM_DOMAIN_NOT_ALIGNED" })
      expect(foreign.data.errors[0].message).toContain("mail.beispiel.test")

      const unknown = await admin.post(`/admin/mailer/accounts/${account.id}/dkim`, { key_size: 1024 })
      expect(unknown.status).toBe(400)
      // a refused request leaves the first key in place
      expect((await admin.get(`/admin/mailer/accounts/${account.id}/dkim`)).data.dkim.public_record.name).toBe(
        "shop2026._domainkey.beispiel.test"
      )
    })

    it("checks SPF, DKIM and DMARC: all right, a wrong key and no DMARC, and a server that does not answer", async () => {
      const good = await createAccount("shop@gut.test")
      const wrong = await createAccount("shop@falsch.test")
      const silent = await createAccount("shop@stumm.test")
      const goodKey = (await admin.post(`/admin/mailer/accounts/${good.id}/dkim`, { selector: "s1" })).data.dns_record
      const wrongKey = (await admin.post(`/admin/mailer/accounts/${wrong.id}/dkim`, { selector: "s1" })).data.dns_record
      await admin.post(`/admin/mailer/accounts/${silent.id}/dkim`, { selector: "s1" })

      dns.zone.set("gut.test", { txt: [["v=spf1 include:_spf.provider.test ~all"], ["google-site-verification=x"]] })
      dns.zone.set(goodKey.name, { txt: [goodKey.strings] })
      dns.zone.set("_dmarc.gut.test", { txt: [["v=DMARC1; p=quarantine; rua=mailto:d@gut.test"]] })
      dns.zone.set("falsch.test", { txt: [["v=spf1 mx -all"]] })
      // one TXT string holds at most 255 bytes: a longer one makes a malformed answer (EBADRESP)
      dns.zone.set(wrongKey.name, { txt: [splitTxtValue(`v=DKIM1; k=rsa; p=${otherPublicKey()}`)] })
      for (const name of ["stumm.test", "s1._domainkey.stumm.test", "_dmarc.stumm.test"]) dns.zone.set(name, "silent")

      const ok = await admin.get(`/admin/mailer/accounts/${good.id}/dns-check`)
      expect(ok.status).toBe(200)
      expect(ok.data.domain).toBe("gut.test")
      expect(ok.data.records.map((r: any) => [r.record, r.status])).toEqual([
        ["spf", "present"],
        ["dkim", "present"],
        ["dmarc", "present"],
      ])
      expect(ok.data.records[0].found).toEqual(["v=spf1 include:_spf.provider.test ~all"])
      expect(ok.data.records.every((r: any) => r.publish === null)).toBe(true)

      const bad = await admin.get(`/admin/mailer/accounts/${wrong.id}/dns-check`, { "accept-language": "de" })
      const [spf, dkim, dmarc] = bad.data.records
      expect(spf).toMatchObject({ status: "present", code: "SPF_PRESENT" })
      expect(dkim).toMatchObject({ status: "wrong", code: "DKIM_WRONG_KEY", name: wrongKey.name, publish: wrongKey })
      expect(dkim.message).toContain("nicht der Schlüssel dieses Kontos")
      expect(dkim.texts.en.message).toContain("is not this account's key")
      expect(dmarc).toMatchObject({ status: "missing", code: "DMARC_MISSING", name: "_dmarc.falsch.test" })
      expect(dmarc.publish.value).toBe("v=DMARC1; p=none; rua=mailto:dmarc-reports@falsch.test")
      expect(dmarc.hint).toContain("p=none")

      const unanswered = await admin.get(`/admin/mailer/accounts/${silent.id}/dns-check`)
      expect(unanswered.status).toBe(200)
      expect(unanswered.data.records.map((r: any) => [r.status, r.code])).toEqual([
        ["unchecked", "DNS_TIMEOUT"],
        ["unchecked", "DNS_TIMEOUT"],
        ["unchecked", "DNS_TIMEOUT"],
      ])
      expect(unanswered.data.records[0].message).toContain("Could not check stumm.test")
      expect(dns.questions).toEqual(expect.arrayContaining(["stumm.test", "s1._domainkey.stumm.test", "_dmarc.stumm.test"]))
    })

    it("an account without a key: DKIM is 'not set up' and no key name is looked up; NXDOMAIN reads as missing", async () => {
      const account = await createAccount("shop@ohne-dkim.test")
      const res = await admin.get(`/admin/mailer/accounts/${account.id}/dns-check`)
      expect(res.data.records.map((r: any) => [r.record, r.status, r.code])).toEqual([
        ["spf", "missing", "SPF_MISSING"],
        ["dkim", "missing", "DKIM_NOT_CONFIGURED"],
        ["dmarc", "missing", "DMARC_MISSING"],
      ])
      expect(res.data.records[0].hint).toContain("cannot know your mail provider's include")
      expect(dns.questions.some((q) => q.endsWith("._domainkey.ohne-dkim.test"))).toBe(false)
      expect((await admin.get(`/admin/mailer/accounts/macc_missing/dns-check`)).status).toBe(404)
    })
  },
})
