import type { Browser, Page } from "playwright-core"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"
import { expectNoSeriousA11yViolations } from "./axe"
import { adminPage, launchBrowser, loginToAdmin, withScreenshotOnFailure } from "./browser"
import { adminApi, createAccount, placeOrder, startPackedApp, type AdminApi, type PackedApp } from "./packed-app"

jest.setTimeout(300_000)

/**
 * The mail log and the order page's mails, in a German admin on the packed plugin: filter the
 * log by status (kept in the URL), open a mail, resend it to another address (it reaches the
 * SMTP sink and links back to its original), export the filtered log as CSV; on the order page
 * send to another address and read why a mail was skipped.
 */
describe("admin: the mail log and the order's mails", () => {
  const sink = new SmtpSink()
  let app: PackedApp
  let api: AdminApi
  let browser: Browser
  const orders = { erika: "", max: "", quiet: "" }

  /** The log rows of an order, through the admin API (the test waits on them, not on time). */
  async function rowsOf(orderId: string) {
    const { messages } = await api.get(`/admin/mailer/messages?resource_id=${orderId}`)
    return messages as { id: string; status: string; to: string | string[] }[]
  }

  async function settledRowOf(orderId: string, status: string) {
    const rows = await waitFor(async () => {
      const found = await rowsOf(orderId)
      return found.some((r) => r.status === status) ? found : null
    }, `a ${status} mail for ${orderId}`)
    return rows.find((r) => r.status === status)!
  }

  beforeAll(async () => {
    await sink.start()
    app = await startPackedApp()
    api = await adminApi(app)
    await createAccount(app, sink.port, { test_mode: false })
    browser = await launchBrowser()
    orders.erika = (await placeOrder(app, "erika@kunde.test", "de-DE")).id
    await settledRowOf(orders.erika, "sent")
    // A refused recipient makes a failed row for the status filter.
    sink.behaviour.rejectRecipients = ["max@kunde.test"]
    orders.max = (await placeOrder(app, "max@kunde.test", "de-DE")).id
    await settledRowOf(orders.max, "failed")
    sink.behaviour.rejectRecipients = []
    // An event switched off in the settings leaves a skipped row with its reason.
    await api.post("/admin/mailer/settings", { enabled_events: { "order.placed": false } })
    orders.quiet = (await placeOrder(app, "ruhe@kunde.test", "de-DE")).id
    await settledRowOf(orders.quiet, "skipped")
    await api.post("/admin/mailer/settings", { enabled_events: { "order.placed": true } })
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await sink.stop()
  })

  async function germanAdmin(): Promise<Page> {
    const page = await adminPage(browser, "de")
    await loginToAdmin(page, app.url)
    return page
  }

  const logRows = (page: Page) => page.locator("[data-testid=mailer-log] tbody tr")

  it("filters the log by status, keeps the filter in the URL, and exports what it shows", async () => {
    const page = await germanAdmin()
    await withScreenshotOnFailure(page, async () => {
      await page.goto(`${app.url}/app/settings/mailer/log`)
      await page.getByRole("heading", { name: "E-Mail-Protokoll" }).waitFor()
      // Guest checkouts may add skipped welcome mails (customer.created): count only the orders'.
      await logRows(page).getByText("erika@kunde.test").first().waitFor()
      await logRows(page).getByText("max@kunde.test").first().waitFor()
      await expectNoSeriousA11yViolations(page)

      await page.getByRole("button", { name: "Filter hinzufügen" }).click()
      await page.getByRole("menuitem", { name: "Status" }).click()
      // The status picker (a popover of checkbox buttons) opens once the filter is added.
      await page.getByRole("dialog").getByRole("button").filter({ hasText: /^\s*Fehlgeschlagen\s*$/ }).click()
      await page.keyboard.press("Escape")
      await page.waitForURL(/[?&]status=failed\b/)
      await waitFor(async () => (await logRows(page).count()) === 1, "only the failed mail")
      await logRows(page).getByText("max@kunde.test").first().waitFor()

      // The filter lives in the URL: a reload shows the same list.
      await page.reload()
      await logRows(page).getByText("max@kunde.test").first().waitFor()
      expect(await logRows(page).count()).toBe(1)

      // The export link carries the filters; the dashboard's session cookie authenticates it.
      const href = await page.getByTestId("mailer-log-export").getAttribute("href")
      expect(href).toMatch(/\/admin\/mailer\/messages\/export\?.*status=failed/)
      const csv = await page.evaluate(async (url) => {
        const res = await fetch(url, { credentials: "include" })
        return { status: res.status, type: res.headers.get("content-type"), text: await res.text() }
      }, href!)
      expect(csv.status).toBe(200)
      expect(csv.type).toBe("text/csv; charset=utf-8")
      const lines = csv.text.replace(/^\uFEFF/, "").trim().split("\r\n")
      expect(lines).toHaveLength(2)
      expect(lines[1]).toContain("max@kunde.test")
      expect(lines[1]).toContain("SMTP_RECIPIENT_REJECTED")
    }, app)
  })

  it("shows a mail as sent and resends it to another address, linked to its original", async () => {
    const original = await settledRowOf(orders.erika, "sent")
    const page = await germanAdmin()
    await withScreenshotOnFailure(page, async () => {
      await page.goto(`${app.url}/app/settings/mailer/log?q=erika&status=sent`)
      await logRows(page).getByText("erika@kunde.test").click()
      await page.waitForURL(new RegExp(`/settings/mailer/log/${original.id}`))

      // The mail runs in a sandbox without scripts or same-origin access.
      const frame = page.getByTestId("mailer-message-html")
      expect(await frame.getAttribute("sandbox")).toBe("")
      await page.frameLocator("[data-testid=mailer-message-html]").getByText("Espressotasse").first().waitFor()
      await page.getByRole("tab", { name: "Nur-Text" }).click()
      expect(await page.getByTestId("mailer-message-text").textContent()).toContain("Espressotasse")
      await expectNoSeriousA11yViolations(page)

      const before = sink.mails.length
      await page.getByRole("button", { name: "An andere Adresse senden" }).click()
      await page.getByLabel("E-Mail-Adresse").fill("erika.privat@kunde.test")
      await page.getByRole("button", { name: "Senden", exact: true }).click()
      await waitFor(() => sink.mails.length === before + 1, "the resent mail at the sink")
      expect(sink.mails[before].envelope.to).toEqual(["erika.privat@kunde.test"])
      await page.getByText("E-Mail wurde erneut gesendet.").waitFor()

      // The new mail links back to the one it was resent from.
      await page.getByRole("link", { name: "Neue E-Mail an erika.privat@kunde.test öffnen" }).click()
      await page.getByTestId("mailer-message-resent-from").waitFor()
      const back = page.getByRole("link", { name: "Ursprüngliche E-Mail öffnen" })
      expect(await back.getAttribute("href")).toMatch(new RegExp(`/settings/mailer/log/${original.id}$`))
      const resent = (await rowsOf(orders.erika)).find((r) => r.id !== original.id)
      expect(page.url()).toContain(resent!.id)
    }, app)
  })

  it("on the order page: sends a mail to another address and says why a mail was skipped", async () => {
    const page = await germanAdmin()
    await withScreenshotOnFailure(page, async () => {
      await page.goto(`${app.url}/app/orders/${orders.quiet}`)
      const widget = page.getByTestId("mailer-order-mails")
      await widget.getByText("Übersprungen", { exact: true }).waitFor()
      await widget.getByText("Dieser Anlass ist in den E-Mail-Einstellungen ausgeschaltet.", { exact: false }).waitFor()

      await page.goto(`${app.url}/app/orders/${orders.max}`)
      await widget.getByText("Fehlgeschlagen", { exact: true }).waitFor()
      const before = sink.mails.length
      await widget.getByRole("button", { name: "An andere Adresse senden" }).click()
      await widget.getByLabel("E-Mail-Adresse").fill("max.neu@kunde.test")
      await widget.getByRole("button", { name: "Senden", exact: true }).click()
      await waitFor(() => sink.mails.length === before + 1, "the mail to the new address at the sink")
      expect(sink.mails[before].envelope.to).toEqual(["max.neu@kunde.test"])
      // The widget lists the new mail, marked as resent from the failed one.
      await widget.getByTestId("mailer-order-mail-resent-from").waitFor()
      await widget.getByText("Gesendet", { exact: true }).waitFor()
      // The order page's own sections are the dashboard's (unnamed action-menu buttons): check ours.
      await expectNoSeriousA11yViolations(page, { include: ['[data-testid="mailer-order-mails"]'] })
    }, app)
  })
})
