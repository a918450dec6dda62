import type { Browser } from "playwright-core"
import { splitTxtValue } from "../../src/modules/mailer/core/dns/dkim-record"
import { TestDnsServer } from "../../src/modules/mailer/__tests__/support/dns-server"
import { SmtpSink } from "../helpers/smtp-sink"
import { adminPage, launchBrowser, loginToAdmin, withScreenshotOnFailure } from "./browser"
import { adminApi, createAccount, startPackedApp, type AdminApi, type PackedApp } from "./packed-app"

jest.setTimeout(600_000)

/**
 * The account drawer's DKIM section in the packed plugin: "Generate DKIM key" shows the record
 * to publish, "Check DNS" lists SPF, DKIM and DMARC from an in-process DNS server (German).
 */
describe("admin: DKIM key and DNS check", () => {
  const sink = new SmtpSink()
  const dns = new TestDnsServer()
  let app: PackedApp
  let browser: Browser
  let api: AdminApi

  beforeAll(async () => {
    await sink.start()
    await dns.start()
    app = await startPackedApp({ env: { MAILER_DNS_SERVERS: dns.address } })
    api = await adminApi(app)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await Promise.all([sink.stop(), dns.stop()])
  })

  it("generates a key, shows its record and checks the domain's records", async () => {
    const account = await createAccount(app, sink.port, { test_mode: false })
    const page = await adminPage(browser, "de")
    await withScreenshotOnFailure(
      page,
      async () => {
        await loginToAdmin(page, app.url)
        await page.goto(`${app.url}/app/settings/mailer/accounts`)
        await page.getByTestId("mailer-account-row-shop@muster-shop.test").getByTestId("mailer-account-edit").click()
        const modal = page.getByTestId("mailer-account-modal")
        await modal.getByTestId("mailer-account-section-dkim-toggle").click()
        await modal.getByTestId("mailer-account-generate-dkim").click()
        const record = modal.getByTestId("mailer-dns-record").first()
        await record.getByText(/^mailer\d{6}\._domainkey\.muster-shop\.test$/).waitFor()
        await record.getByText(/^v=DKIM1; k=rsa; p=MIIB/).waitFor()
        // the form took the generated selector, so saving it later keeps the key's name
        expect(await modal.getByTestId("mailer-account-field-dkim_selector").locator("input").inputValue()).toMatch(/^mailer\d{6}$/)

        const { dkim } = (await api.get(`/admin/mailer/accounts/${account.id}/dkim`)) as any
        dns.zone.set("muster-shop.test", { txt: [["v=spf1 include:_spf.provider.test ~all"]] })
        dns.zone.set(dkim.public_record.name, { txt: [splitTxtValue(dkim.public_record.value)] })
        await modal.getByTestId("mailer-account-check-dns").click()
        await modal.getByTestId("mailer-dns-spf").getByText("Vorhanden").waitFor()
        await modal.getByTestId("mailer-dns-dkim").getByText("Vorhanden").waitFor()
        const dmarc = modal.getByTestId("mailer-dns-dmarc")
        await dmarc.getByText("Fehlt").waitFor()
        await dmarc.getByText("v=DMARC1; p=none; rua=mailto:dmarc-reports@muster-shop.test").waitFor()
      },
      app
    )
  })
})
