import type { Browser, Page } from "playwright-core"
import { describeError } from "../../src/modules/mailer/core/errors"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"
import { expectNoSeriousA11yViolations } from "./axe"
import { adminPage, launchBrowser, loginToAdmin, withScreenshotOnFailure } from "./browser"
import { createAccount, placeOrder, startPackedApp, type PackedApp } from "./packed-app"

jest.setTimeout(300_000)

describe("admin: an order's e-mails on the order page (packed plugin)", () => {
  const sink = new SmtpSink()
  let app: PackedApp
  let browser: Browser
  let order: { id: string; display_id: number }
  let subject: string

  beforeAll(async () => {
    await sink.start()
    app = await startPackedApp()
    await createAccount(app, sink.port)
    browser = await launchBrowser()
    order = await placeOrder(app, "erika@kunde.test", "de-DE")
    await waitFor(() => sink.mails.length === 1, "the order confirmation at the sink", 60_000)
    subject = `Bestellbestätigung Nr. ${order.display_id} – Muster Shop`
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await sink.stop()
  })

  // The widget's heading names it; role and text keep the test independent of markup.
  function mailsWidget(page: Page, heading: string) {
    return page.locator("div", { has: page.getByRole("heading", { name: heading, exact: true }) }).filter({ has: page.getByText(/@kunde\.test/) }).last()
  }

  it("shows the sent order confirmation and sends it again on request (German admin)", async () => {
    expect(sink.mails[0].parsed.subject).toBe(subject)
    const page = await adminPage(browser, "de")
    await withScreenshotOnFailure(page, async () => {
      await loginToAdmin(page, app.url)
      await page.goto(`${app.url}/app/orders/${order.id}`)
      const widget = mailsWidget(page, "E-Mails")
      await widget.getByText(subject).waitFor()
      await widget.getByText("Gesendet", { exact: true }).waitFor()
      expect(await widget.getByText(/erika@kunde\.test/).count()).toBe(1)
      // The order page's own sections are the dashboard's (unnamed action-menu buttons): check ours.
      await expectNoSeriousA11yViolations(page, { include: ['[data-testid="mailer-order-mails"]'] })

      await widget.getByRole("button", { name: "Erneut senden" }).click()
      await waitFor(() => sink.mails.length === 2, "the resent mail at the sink")
      expect(sink.mails[1].parsed.subject).toBe(subject)
      expect(sink.mails[1].envelope.to).toEqual(["erika@kunde.test"])
      await page.getByText("E-Mail wurde erneut gesendet.").waitFor()
      // The widget now lists both mails.
      await waitFor(async () => (await widget.getByText(subject).count()) === 2, "two mails in the widget")
    }, app)
  })

  it("shows a refused mail as failed, with the reason and what to do in German", async () => {
    sink.behaviour.rejectRecipients = ["max@kunde.test"]
    const refused = await placeOrder(app, "max@kunde.test", "de-DE")
    const page = await adminPage(browser, "de")
    await withScreenshotOnFailure(page, async () => {
      await loginToAdmin(page, app.url)
      await page.goto(`${app.url}/app/orders/${refused.id}`)
      const widget = mailsWidget(page, "E-Mails")
      await widget.getByText("Fehlgeschlagen", { exact: true }).waitFor()
      const { message, hint } = describeError("SMTP_RECIPIENT_REJECTED", "de")
      await widget.getByText(message, { exact: false }).waitFor()
      expect(await widget.getByText(hint, { exact: false }).count()).toBe(1)
    }, app)
  })

  it("speaks English in an English admin", async () => {
    const page = await adminPage(browser, "en")
    await withScreenshotOnFailure(page, async () => {
      await loginToAdmin(page, app.url)
      await page.goto(`${app.url}/app/orders/${order.id}`)
      const widget = mailsWidget(page, "E-mails")
      await widget.getByText(subject).first().waitFor()
      expect(await widget.getByText("Sent", { exact: true }).count()).toBeGreaterThanOrEqual(1)
      expect(await widget.getByRole("button", { name: "Resend" }).count()).toBeGreaterThanOrEqual(1)
      // The order page's own sections are the dashboard's (unnamed action-menu buttons): check ours.
      await expectNoSeriousA11yViolations(page, { include: ['[data-testid="mailer-order-mails"]'] })
    }, app)
  })
})
