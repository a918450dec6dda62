import type { Browser, Page } from "playwright-core"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"
import { expectNoSeriousA11yViolations } from "./axe"
import { adminPage, launchBrowser, loginToAdmin, withScreenshotOnFailure } from "./browser"
import { adminApi, createAccount, placeOrder, startPackedApp, type AdminApi, type PackedApp } from "./packed-app"

jest.setTimeout(600_000)

/**
 * The overview (/app/settings/mailer), the topbar badge, the general settings and the staff
 * profile in the packed plugin, against an SMTP sink in this process. English and German admin.
 */
describe("admin: e-mail overview, topbar badge, settings, staff profile", () => {
  const sink = new SmtpSink()
  let app: PackedApp
  let api: AdminApi
  let browser: Browser
  let accountId: string
  const SENDER = "shop@muster-shop.test"

  /** Steps whose failure names a screenshot and Medusa's log. */
  const shot = (page: Page, steps: () => Promise<void>) => withScreenshotOnFailure(page, steps, app)

  beforeAll(async () => {
    await sink.start()
    app = await startPackedApp()
    api = await adminApi(app)
    browser = await launchBrowser()
    // With a login, so that a refused password can pause it later (plain SMTP login is allowed on loopback).
    const account = await createAccount(app, sink.port, { sender_email: SENDER, name: "Shop mailbox", test_mode: true, auth_required: true, username: SENDER, password: "geheim" })
    accountId = account.id
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await sink.stop()
  })

  const messages = async (status: string) => (await api.get(`/admin/mailer/messages?status=${status}`)).messages as any[]

  async function onPage(language: "de" | "en", path: string, steps: (page: Page) => Promise<void>) {
    const page = await adminPage(browser, language)
    await shot(page, async () => {
      await loginToAdmin(page, app.url)
      await page.goto(`${app.url}/app${path}`)
      await steps(page)
    })
    await page.close()
  }

  it("shows the account, the last 24 hours and the sections (English)", async () => {
    await placeOrder(app, "erika@kunde.test", "de-DE")
    await waitFor(async () => (await messages("sent")).length === 1, "the first order confirmation sent")
    sink.behaviour.rejectRecipients = [SENDER]
    await placeOrder(app, "max@kunde.test", "de-DE")
    await waitFor(async () => (await messages("failed")).length === 1, "the second order confirmation refused")
    sink.behaviour.rejectRecipients = []

    await onPage("en", "/settings/mailer", async (page) => {
      const account = page.getByTestId(`mailer-overview-account-${accountId}`)
      await account.getByText("Shop mailbox").waitFor()
      await account.getByText("Connected").waitFor()
      await account.getByText(`Test mode: all mail goes to ${SENDER}`).waitFor()
      const count = (status: string) => page.getByTestId(`mailer-overview-count-${status}`).getByTestId("mailer-count")
      await count("sent").getByText("1", { exact: true }).waitFor()
      await count("failed").getByText("1", { exact: true }).waitFor()
      await count("queued").getByText("0", { exact: true }).waitFor()
      await expectNoSeriousA11yViolations(page)

      // The failed count opens the log filtered to failed mails.
      await page.getByTestId("mailer-overview-count-failed").click()
      await page.waitForURL(/\/app\/settings\/mailer\/log\?status=failed/)
    })
  })

  it("the top bar shows test mode on every page and drops it once test mode is switched off", async () => {
    await onPage("en", "/orders", async (page) => {
      const badge = page.getByTestId("mailer-topbar-test-mode")
      await badge.getByText(`Test mode: all mail goes to ${SENDER}`).waitFor()
      // The orders list itself is the dashboard's; check only the badge here.
      await expectNoSeriousA11yViolations(page, { include: ['[data-testid="mailer-topbar-test-mode"]'] })
      await api.post(`/admin/mailer/accounts/${accountId}`, { test_mode: false })
      // No reload: the badge rechecks the accounts by itself.
      await badge.waitFor({ state: "detached", timeout: 90_000 })
      expect(await page.getByTestId("mailer-topbar-no-sender").count()).toBe(0)
    })
  })

  it("warns on the overview and in the top bar when no account can send (German)", async () => {
    // The mailbox password was changed at the provider: the stored one is refused from now on.
    sink.behaviour.credentials = { username: SENDER, password: "neu" }
    const verified = await api.post(`/admin/mailer/accounts/${accountId}/verify`, {})
    expect(verified.account.status).toBe("auth_failed")

    await onPage("de", "/settings/mailer", async (page) => {
      const alert = page.getByTestId("mailer-none-can-send")
      await alert.getByText("Kein Konto kann E-Mails versenden").waitFor()
      await alert.getByText("Anmeldung fehlgeschlagen", { exact: false }).waitFor()
      await page.getByTestId("mailer-topbar-no-sender").getByText("Kein E-Mail-Konto kann senden").waitFor()
      await expectNoSeriousA11yViolations(page)
      await alert.getByRole("link", { name: "Konto korrigieren" }).click()
      await page.waitForURL(/\/app\/settings\/mailer\/accounts/)
    })
  })

  it("saves the general settings; a layout without {{{body}}} is refused with its reason (German)", async () => {
    await onPage("de", "/settings/mailer", async (page) => {
      await page.getByTestId("mailer-overview-link-general").click()
      const general = page.getByTestId("mailer-settings-general")
      await general.getByRole("heading", { name: "Allgemein" }).waitFor()
      await general.getByLabel("E-Mail-Protokoll aufbewahren (Tage)", { exact: true }).fill("90")
      await general.getByLabel("Adresse des Shops", { exact: true }).fill("kein-link")
      await general.getByRole("button", { name: "Speichern" }).click()
      await general.getByText("Geben Sie eine Adresse ein, die mit https:// (oder http://) beginnt", { exact: false }).waitFor()
      await general.getByLabel("Adresse des Shops", { exact: true }).fill("https://shop.muster.test")
      await general.getByRole("button", { name: "Speichern" }).click()
      await page.getByText("Die Einstellungen wurden gespeichert.").waitFor()
      await waitFor(async () => (await api.get("/admin/mailer/settings")).settings.log_retention_days === 90, "the saved retention")
      expect((await api.get("/admin/mailer/settings")).settings.storefront_url).toBe("https://shop.muster.test")

      const layout = page.getByTestId("mailer-settings-layout")
      const source = layout.getByLabel("Layout-HTML", { exact: true })
      await source.fill("<html><body><header>Muster Shop</header></body></html>")
      await layout.getByRole("button", { name: "Speichern" }).click()
      await layout.getByTestId("mailer-api-error").getByText("{{{body}}}", { exact: false }).first().waitFor()
      expect((await api.get("/admin/mailer/settings")).settings.layout_html).toBeNull()

      await source.fill("<html><body><header>Muster Shop</header>{{{body}}}</body></html>")
      const preview = page.frameLocator('[data-testid="mailer-settings-layout-preview"] iframe')
      await preview.getByText("Muster Shop").waitFor()
      await preview.getByText("Vielen Dank für Ihre Bestellung").waitFor()
      await expectNoSeriousA11yViolations(page)
      await layout.getByRole("button", { name: "Speichern" }).click()
      await page.getByText("Das Layout wurde gespeichert.").waitFor()
      expect((await api.get("/admin/mailer/settings")).settings.layout_html).toContain("<header>Muster Shop</header>")
    })
  })

  it("saves the staff profile on the own profile page (German)", async () => {
    await onPage("de", "/settings/profile", async (page) => {
      const widget = page.getByTestId("mailer-staff-profile-me")
      await widget.getByRole("heading", { name: "E-Mail-Signatur" }).waitFor()
      await widget.getByRole("button", { name: "Bearbeiten" }).click()
      const drawer = page.getByTestId("mailer-staff-profile-drawer")
      await drawer.getByLabel("Telefon", { exact: true }).fill("+49 221 555 0199")
      await drawer.getByLabel("Fax", { exact: true }).fill("+49 221 555 0198")
      await drawer.getByLabel("E-Mail in E-Mails", { exact: true }).fill("keine-adresse")
      await drawer.getByRole("button", { name: "Speichern" }).click()
      await drawer.getByText("Bitte geben Sie eine gültige E-Mail-Adresse ein.").waitFor()
      await drawer.getByLabel("E-Mail in E-Mails", { exact: true }).fill("")
      // The profile page's own sections are the dashboard's (an unnamed icon button): check ours.
      await expectNoSeriousA11yViolations(page, { include: ['[data-testid="mailer-staff-profile-me"]', "[role=dialog]"] })
      await drawer.getByRole("button", { name: "Speichern" }).click()
      await page.getByText("Die Angaben zur Signatur wurden gespeichert.").waitFor()
      await widget.getByTestId("mailer-staff-profile-phone").getByText("+49 221 555 0199").waitFor()
      const { staff_profile } = await api.get("/admin/mailer/staff-profiles/me")
      expect(staff_profile).toMatchObject({ phone: "+49 221 555 0199", fax: "+49 221 555 0198", email: null })
    })
  })

  it("shows the same profile on the user's page under Settings → Users (English)", async () => {
    const { user } = await api.get("/admin/users/me")
    await onPage("en", `/settings/users/${user.id}`, async (page) => {
      const widget = page.getByTestId("mailer-staff-profile-user")
      await widget.getByRole("heading", { name: "E-mail signature" }).waitFor()
      await widget.getByTestId("mailer-staff-profile-phone").getByText("+49 221 555 0199").waitFor()
      await widget.getByTestId("mailer-staff-profile-signature_html").getByText("Not set: the account's signature is used").waitFor()
      await expectNoSeriousA11yViolations(page, { include: ['[data-testid="mailer-staff-profile-user"]'] })
    })
  })
})
