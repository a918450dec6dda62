import type { Browser, Page } from "playwright-core"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"
import { expectNoSeriousA11yViolations } from "./axe"
import { adminPage, launchBrowser, loginToAdmin, withScreenshotOnFailure } from "./browser"
import { adminApi, createAccount, placeOrder, startPackedApp, type AdminApi, type PackedApp } from "./packed-app"

jest.setTimeout(600_000)

const EDITOR_PATH = "/app/settings/mailer/templates/order.placed/de"
/** Line 3 has a mustache that is never closed: a compile error on that line. */
const BROKEN_HTML = "<h1>Danke für Ihre Bestellung</h1>\n<p>Bestellnummer {{order.display_id}}</p>\n<p>Hallo {{customer_name}</p>"
const FIXED_HTML = "<h1>Danke für Ihre Bestellung</h1>\n<p>Bestellnummer {{order.display_id}}</p>\n<p>Hallo {{customer_name}}</p>"

/**
 * The templates screens (/app/settings/mailer/templates and the editor at
 * /templates/<event>/<locale>) in the packed plugin: a compile error is marked on its line
 * and blocks saving, the fixed template saves, the preview renders a real order, a test mail
 * reaches the SMTP sink and the log, reset to default asks first, unsaved changes are
 * guarded, and an event is switched off and on. German admin, plus an English look.
 */
describe("admin: e-mail templates", () => {
  const sink = new SmtpSink()
  let app: PackedApp
  let api: AdminApi
  let browser: Browser
  let order: { id: string; display_id: number }

  beforeAll(async () => {
    await sink.start()
    app = await startPackedApp()
    api = await adminApi(app)
    await createAccount(app, sink.port, { test_mode: false })
    order = await placeOrder(app, "erika@kunde.test", "de-DE")
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await sink.stop()
  })

  const storedTemplates = async () =>
    ((await api.get("/admin/mailer/templates?event_name=order.placed")).templates as any[]).filter((t) => !t.is_default)

  async function inAdmin(language: "de" | "en", path: string, steps: (page: Page) => Promise<void>) {
    const page = await adminPage(browser, language)
    await withScreenshotOnFailure(page, async () => {
      await loginToAdmin(page, app.url)
      await page.goto(`${app.url}${path}`)
      await steps(page)
    }, app)
    await page.close()
  }

  /** Replaces the whole HTML in the CodeMirror editor the way a merchant does: select all, type. */
  async function typeHtml(page: Page, html: string) {
    await page.getByTestId("mailer-template-html").click()
    await page.keyboard.press("Control+A")
    await page.keyboard.insertText(html)
  }

  const previewSubject = (page: Page) => page.getByTestId("mailer-template-preview-subject")
  const htmlLine = (page: Page, index: number) => page.getByTestId("mailer-template-html").locator(".cm-line").nth(index)

  it("shows the matrix of events and languages with the shipped defaults", async () => {
    await inAdmin("de", "/app/settings/mailer/templates", async (page) => {
      await page.getByRole("heading", { name: "E-Mail-Vorlagen" }).waitFor()
      await page.getByRole("columnheader", { name: "Deutsch" }).waitFor()
      await page.getByRole("columnheader", { name: "Englisch" }).waitFor()
      const cell = page.getByTestId("mailer-matrix-cell-order.placed-de")
      await cell.getByText("Standardvorlage").waitFor()
      await expectNoSeriousA11yViolations(page)
      await cell.getByRole("link").click()
      await page.waitForURL(/\/settings\/mailer\/templates\/order\.placed\/de$/)
      await page.getByTestId("mailer-template-title").getByText("Bestellbestätigung · Deutsch").waitFor()
    })
  })

  it("marks a compile error on its line and refuses to save until it is fixed", async () => {
    await inAdmin("de", EDITOR_PATH, async (page) => {
      await previewSubject(page).getByText("Bestellbestätigung Nr. 1042 – ", { exact: false }).waitFor()
      await expectNoSeriousA11yViolations(page)

      await typeHtml(page, BROKEN_HTML)
      const error = page.getByTestId("mailer-template-problems").getByTestId("mailer-template-error")
      await error.first().waitFor()
      expect(await error.first().getAttribute("data-line")).toBe("3")
      await error.first().getByText("Fehler · HTML-Inhalt · Zeile 3", { exact: false }).waitFor()
      await waitFor(async () => (await htmlLine(page, 2).getAttribute("data-mailer-mark")) === "error", "line 3 marked as an error")
      expect(await htmlLine(page, 0).getAttribute("data-mailer-mark")).toBeNull()
      await page.getByTestId("mailer-template-save-blocked").getByText("Die Vorlage enthält Fehler", { exact: false }).waitFor()
      expect(await page.getByTestId("mailer-template-save").isDisabled()).toBe(true)
      expect(await storedTemplates()).toEqual([])

      await typeHtml(page, FIXED_HTML)
      await page.getByTestId("mailer-template-save-blocked").waitFor({ state: "detached" })
      await page.frameLocator('[data-testid="mailer-template-preview-frame"]').getByText("Hallo Erika Mustermann").waitFor()
      expect(await htmlLine(page, 2).getAttribute("data-mailer-mark")).toBeNull()
      await waitFor(() => page.getByTestId("mailer-template-save").isEnabled(), "the enabled save button")
      await page.getByTestId("mailer-template-save").click()
      await page.getByText("Die Vorlage wurde gespeichert.").waitFor()
      await page.getByTestId("mailer-template-kind").getByText("Eigene Vorlage").waitFor()
    })
    const [stored] = await storedTemplates()
    expect(stored).toMatchObject({ event_name: "order.placed", locale: "de", sales_channel_id: null, body_html: FIXED_HTML })
  })

  it("previews a real order picked by its number and sends it as a test mail that lands in the log", async () => {
    await inAdmin("de", EDITOR_PATH, async (page) => {
      await page.getByTestId("mailer-template-kind").getByText("Eigene Vorlage").waitFor()
      await page.getByTestId("mailer-template-preview-order-search").fill(String(order.display_id))
      await page.getByTestId("mailer-template-preview-order-option").getByText(`#${order.display_id} · erika@kunde.test`).click()
      await page.getByTestId("mailer-template-preview-order-picked").waitFor()
      await previewSubject(page).getByText(`Bestellbestätigung Nr. ${order.display_id} – Muster Shop`, { exact: true }).waitFor()
      await page.frameLocator('[data-testid="mailer-template-preview-frame"]').getByText(`Bestellnummer ${order.display_id}`).waitFor()
      await page.getByRole("tab", { name: "Text" }).click()
      await page.getByTestId("mailer-template-preview-text").getByText(`Bestellnummer ${order.display_id}`, { exact: false }).waitFor()

      await page.getByTestId("mailer-template-test-open").click()
      const drawer = page.getByTestId("mailer-template-test-drawer")
      await drawer.getByText("admin@example.com").waitFor()
      await drawer.getByTestId("mailer-template-test-order-picked").getByText(`#${order.display_id}`, { exact: false }).waitFor()
      await drawer.getByLabel("An eine andere Adresse", { exact: true }).click()
      await drawer.getByTestId("mailer-template-test-address").fill("pruefung@muster-shop.test")
      await expectNoSeriousA11yViolations(page)
      const before = sink.mails.length
      await drawer.getByTestId("mailer-template-test-send").click()
      const mail = await waitFor(
        () => sink.mails.slice(before).find((m) => m.envelope.to.includes("pruefung@muster-shop.test")),
        "the test mail at the sink"
      )
      expect(mail.parsed.subject).toBe(`Bestellbestätigung Nr. ${order.display_id} – Muster Shop`)
      expect(mail.parsed.html || "").toContain("Danke für Ihre Bestellung")
      await page.getByText("Testmail an pruefung@muster-shop.test verschickt.").waitFor()
      await page.getByRole("button", { name: "Im Protokoll ansehen" }).click()
      await page.waitForURL(/\/settings\/mailer\/log\/[^/]+$/)
    })
    const { messages } = await api.get("/admin/mailer/messages?q=pruefung@muster-shop.test")
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ status: "sent", event_name: "order.placed", subject: `Bestellbestätigung Nr. ${order.display_id} – Muster Shop` })
    expect(messages[0].triggered_by).not.toBe("system")
  })

  it("falls back to the sample data with the server's hint when an event is not built from an order", async () => {
    await inAdmin("de", "/app/settings/mailer/templates/shipment.created/de", async (page) => {
      await previewSubject(page).waitFor()
      await page.getByTestId("mailer-template-preview-order-search").fill(String(order.display_id))
      await page.getByTestId("mailer-template-preview-order-option").first().click()
      await page.getByTestId("mailer-template-no-order-context").waitFor()
      await page.getByTestId("mailer-template-preview-order-search").waitFor()
    })
  })

  it("warns before leaving with unsaved changes, then resets to the default after a confirmation", async () => {
    await inAdmin("de", EDITOR_PATH, async (page) => {
      await page.getByTestId("mailer-template-kind").getByText("Eigene Vorlage").waitFor()
      await page.getByTestId("mailer-template-subject").fill("Geänderter Betreff")
      await page.getByTestId("mailer-template-dirty").waitFor()
      await page.getByTestId("mailer-template-back").click()
      const leave = page.getByRole("alertdialog")
      await leave.getByText("Ungespeicherte Änderungen verwerfen?").waitFor()
      await leave.getByRole("button", { name: "Weiter bearbeiten" }).click()
      await leave.waitFor({ state: "detached" })
      expect(page.url()).toContain(EDITOR_PATH)
      expect(await page.getByTestId("mailer-template-subject").inputValue()).toBe("Geänderter Betreff")

      await page.getByTestId("mailer-template-reset").click()
      const confirm = page.getByRole("alertdialog")
      await confirm.getByText("Auf die Standardvorlage zurücksetzen?").waitFor()
      await confirm.getByRole("button", { name: "Abbrechen" }).click()
      await confirm.waitFor({ state: "detached" })
      expect(await storedTemplates()).toHaveLength(1)

      await page.getByTestId("mailer-template-reset").click()
      await page.getByRole("alertdialog").getByRole("button", { name: "Zurücksetzen" }).click()
      await page.getByText("Die Vorlage wurde zurückgesetzt.").waitFor()
      await page.getByTestId("mailer-template-kind").getByText("Standardvorlage").waitFor()
      await waitFor(async () => (await page.getByTestId("mailer-template-subject").inputValue()).startsWith("Bestellbestätigung Nr."), "the default subject")
      await page.getByTestId("mailer-template-back").click()
      await page.getByTestId("mailer-matrix-cell-order.placed-de").getByText("Standardvorlage").waitFor()
    })
    expect(await storedTemplates()).toEqual([])
  })

  it("switches an event's mails off and on again", async () => {
    const enabled = async () => (await api.get("/admin/mailer/settings")).settings.enabled_events?.["order.canceled"]
    await inAdmin("de", "/app/settings/mailer/templates", async (page) => {
      const byId = page.getByRole("switch", { name: "E-Mails für „Stornierung“ versenden", exact: true })
      await byId.waitFor()
      expect(await byId.getAttribute("aria-checked")).toBe("true")
      await byId.click()
      await page.getByText("wird nicht mehr versendet", { exact: false }).waitFor()
      await waitFor(async () => (await enabled()) === false, "order.canceled switched off")
      expect(await byId.getAttribute("aria-checked")).toBe("false")
      await byId.click()
      await page.getByText("wird wieder versendet", { exact: false }).waitFor()
      await waitFor(async () => (await enabled()) === true, "order.canceled switched on")
    })
  })

  it("speaks English in an English admin", async () => {
    await inAdmin("en", "/app/settings/mailer/templates", async (page) => {
      await page.getByRole("heading", { name: "E-mail templates" }).waitFor()
      await page.getByRole("columnheader", { name: "German" }).waitFor()
      await page.getByTestId("mailer-matrix-cell-order.placed-en").getByText("Default template").waitFor()
      await page.getByTestId("mailer-matrix-cell-order.placed-en").getByRole("link").click()
      await page.getByTestId("mailer-template-title").getByText("Order confirmation · English").waitFor()
      await page.getByRole("button", { name: "Send test mail" }).waitFor()
      await expectNoSeriousA11yViolations(page)
    })
  })
})
