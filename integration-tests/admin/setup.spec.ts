import type { Browser, Page } from "playwright-core"
import { describeError } from "../../src/modules/mailer/core/errors"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"
import { expectNoSeriousA11yViolations } from "./axe"
import { adminPage, launchBrowser, loginToAdmin, withScreenshotOnFailure } from "./browser"
import { adminApi, startPackedApp, type AdminApi, type PackedApp } from "./packed-app"

jest.setTimeout(600_000)

/**
 * First-run setup in the packed plugin (German admin), against an SMTP sink in this process:
 * a shop without any account is led from the overview through provider → sender and login →
 * "Test and save" (a refused login first: hint shown, nothing stored, form kept) → a sample
 * order confirmation that arrives at the sink, rerouted by test mode to the shop's address.
 */
describe("admin: first-run e-mail setup", () => {
  const sink = new SmtpSink()
  let app: PackedApp
  let api: AdminApi
  let browser: Browser
  let page: Page
  const SENDER = "shop@muster-shop.test"

  /** Steps whose failure names a screenshot and Medusa's log. */
  const shot = (page: Page, steps: () => Promise<void>) => withScreenshotOnFailure(page, steps, app)

  beforeAll(async () => {
    await sink.start()
    // The mailbox's real login: anything else is refused with 535, like a real server.
    sink.behaviour.credentials = { username: SENDER, password: "geheim" }
    app = await startPackedApp()
    api = await adminApi(app)
    browser = await launchBrowser()
    page = await adminPage(browser, "de")
    await loginToAdmin(page, app.url)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await sink.stop()
  })

  const listAccounts = async () => (await api.get("/admin/mailer/accounts")).accounts as any[]

  it("leads a shop without an account from the overview to the setup, with a warning in the top bar", async () => {
    await shot(page, async () => {
      await page.goto(`${app.url}/app/settings/mailer`)
      const card = page.getByTestId("mailer-setup-card")
      await card.getByRole("heading", { name: "E-Mail einrichten" }).waitFor()
      await page.getByTestId("mailer-topbar-no-sender").getByText("E-Mail nicht eingerichtet").waitFor()
      await expectNoSeriousA11yViolations(page)
      await card.getByRole("link", { name: "Einrichtung starten" }).click()
      await page.waitForURL(/\/app\/settings\/mailer\/setup$/)
      await page.getByTestId("mailer-setup-provider").getByRole("heading", { name: "Bei welchem Anbieter liegt Ihr Postfach?" }).waitFor()
    })
  })

  it("shows the provider's notes: Gmail needs an app password", async () => {
    await shot(page, async () => {
      await page.getByTestId("mailer-preset-gmail").click()
      await page.getByTestId("mailer-preset-notes").getByText("App-Passwort", { exact: false }).waitFor()
      await expectNoSeriousA11yViolations(page)
      await page.getByTestId("mailer-preset-custom").click()
      await page.getByTestId("mailer-preset-notes").getByText("Tragen Sie die Werte Ihres Anbieters ein", { exact: false }).waitFor()
      await page.getByRole("button", { name: "Weiter" }).click()
      await page.getByTestId("mailer-setup-login").waitFor()
    })
  })

  it("'Test and save' with a refused login shows message, hint and server reply, keeps the form and stores nothing", async () => {
    await shot(page, async () => {
      const form = page.getByTestId("mailer-setup-login")
      await form.getByLabel("Absendername", { exact: true }).fill("Muster Shop")
      await form.getByLabel("Absenderadresse", { exact: true }).fill(SENDER)
      await form.getByLabel("Kontoname", { exact: true }).fill("Shop-Postfach")
      await form.getByLabel("Passwort", { exact: true }).fill("falsch")
      await form.getByLabel("SMTP-Server", { exact: true }).fill("127.0.0.1")
      await form.getByLabel("Port", { exact: true }).fill(String(sink.port))
      await form.getByLabel("Verschlüsselung", { exact: true }).click()
      await page.getByRole("option", { name: "Keine (nur lokale Server)" }).click()
      await expectNoSeriousA11yViolations(page)

      await form.getByRole("button", { name: "Testen und speichern" }).click()
      const alert = form.getByTestId("mailer-api-error")
      const refused = describeError("SMTP_AUTH", "de", {}, "test")
      await alert.getByText(refused.message).waitFor()
      await alert.getByText(refused.hint).waitFor()
      await alert.getByText(/Antwort des Servers: .*535/).waitFor()
      // The user name left empty means the sender address.
      expect(sink.authAttempts.at(-1)).toEqual({ username: SENDER, password: "falsch" })
      expect(await form.getByLabel("Absenderadresse", { exact: true }).inputValue()).toBe(SENDER)
      expect(await form.getByLabel("Passwort", { exact: true }).inputValue()).toBe("falsch")
      expect(await listAccounts()).toEqual([])
      expect(sink.mails).toHaveLength(0)
    })
  })

  it("with the right password stores the account in test mode; the sample order confirmation arrives", async () => {
    await shot(page, async () => {
      const form = page.getByTestId("mailer-setup-login")
      await form.getByLabel("Passwort", { exact: true }).fill("geheim")
      await form.getByRole("button", { name: "Testen und speichern" }).click()
      const done = page.getByTestId("mailer-setup-done")
      await done.getByRole("heading", { name: "Ihr Postfach ist verbunden" }).waitFor()
      await done.getByTestId("mailer-setup-test-mode-note").getByText(SENDER, { exact: false }).waitFor()
      await waitFor(() => sink.mails.length === 1, "the test mail of 'Test and save'")
      expect(sink.mails[0].envelope.to).toEqual([SENDER])

      const [account] = await listAccounts()
      expect(account).toMatchObject({ name: "Shop-Postfach", sender_email: SENDER, username: SENDER, host: "127.0.0.1", port: sink.port, security: "none", test_mode: true, status: "ok", is_default: true, has_password: true })
      await expectNoSeriousA11yViolations(page)

      await done.getByRole("button", { name: "Beispiel-Bestellbestätigung an mich senden" }).click()
      const sample = await waitFor(() => sink.mails[1], "the sample order confirmation at the sink")
      // Test mode marks the subject with the intended recipient (the admin, "me").
      expect(sample.parsed.subject).toMatch(/^\[TEST → admin@example\.com\] Bestellbestätigung Nr\. \d+/)
      // Test mode reroutes it to the shop's own address (the test recipient).
      expect(sample.envelope.to).toEqual([SENDER])
      await done.getByTestId("mailer-setup-sample-sent").getByText(`Gesendet an ${SENDER}`, { exact: false }).waitFor()
    })
  })

  it("ends on the overview: the account connected and in test mode, the top bar says so", async () => {
    await shot(page, async () => {
      await page.getByRole("link", { name: "Zur Übersicht" }).click()
      await page.waitForURL(/\/app\/settings\/mailer$/)
      const accounts = page.getByTestId("mailer-overview-accounts")
      await accounts.getByText("Shop-Postfach").waitFor()
      await accounts.getByText("Verbunden").waitFor()
      await accounts.getByText(`Testmodus: alle E-Mails gehen an ${SENDER}`).waitFor()
      await page.getByTestId("mailer-topbar-test-mode").getByText(`Testmodus: alle E-Mails gehen an ${SENDER}`).waitFor()
      expect(await page.getByTestId("mailer-setup-card").count()).toBe(0)
      // The sample went out through the log, so the last 24 hours count at least one sent mail.
      await page.getByTestId("mailer-overview-count-sent").getByTestId("mailer-count").getByText(/^[1-9]/).waitFor()
      await expectNoSeriousA11yViolations(page)
    })
  })
})
