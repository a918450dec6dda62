// Takes the screenshots in docs/screenshots/ (every plugin screen, German and English).
// Not a test: run by scripts/screenshots.mjs, through jest for its TypeScript and its
// PostgreSQL. Against SCREENSHOTS_URL (a running demo) or, without it, a packed app
// started here with an account in test mode and one order.
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import type { Browser, Page } from "playwright-core"
import { SmtpSink, waitFor } from "../helpers/smtp-sink"
import { adminPage, launchBrowser, type AdminLanguage } from "./browser"
import { adminApi, createAccount, placeOrder, startPackedApp, type PackedApp } from "./packed-app"

jest.setTimeout(900_000)

const OUT = process.env.SCREENSHOTS_DIR ?? join(__dirname, "../../docs/screenshots")
const LOGIN = {
  email: process.env.SCREENSHOTS_EMAIL ?? "admin@example.com",
  password: process.env.SCREENSHOTS_PASSWORD ?? "supersecret",
}

interface Ids {
  accountId: string
  orderId: string
  messageId: string
  /** An OAuth2 (Microsoft) account, when the shop has one (the packed app gets one). */
  oauthAccountId?: string
}

interface Shot {
  name: string
  path: (ids: Ids) => string
  /** A test id that is on screen once the page has its data. */
  ready: string
  /** Clicked before the shot (e.g. opens the account form). */
  open?: string
  /** Shoot only this element (e.g. the topbar badge). */
  element?: string
  /** Scrolled into view before the shot (a part further down a form). */
  scrollTo?: string
  /** Shot only when the shop has this record (e.g. an OAuth2 account). */
  needs?: keyof Ids
}

const SHOTS: Shot[] = [
  { name: "overview", path: () => "/app/settings/mailer", ready: "mailer-overview" },
  { name: "setup", path: () => "/app/settings/mailer/setup", ready: "mailer-setup" },
  { name: "accounts", path: () => "/app/settings/mailer/accounts", ready: "mailer-accounts-table" },
  { name: "account-form", path: () => "/app/settings/mailer/accounts", ready: "mailer-accounts-table", open: "mailer-account-create" },
  { name: "account-detail", path: (ids) => `/app/settings/mailer/accounts/${ids.accountId}`, ready: "mailer-account-edit" },
  { name: "account-oauth", path: (ids) => `/app/settings/mailer/accounts/${ids.oauthAccountId}`, ready: "mailer-account-oauth-connection", scrollTo: "mailer-account-login", needs: "oauthAccountId" },
  { name: "templates", path: () => "/app/settings/mailer/templates", ready: "mailer-template-matrix" },
  { name: "template-editor", path: () => "/app/settings/mailer/templates/order.placed/de", ready: "mailer-template-preview-frame" },
  { name: "log", path: () => "/app/settings/mailer/log", ready: "mailer-log" },
  { name: "log-detail", path: (ids) => `/app/settings/mailer/log/${ids.messageId}`, ready: "mailer-message-detail" },
  { name: "general", path: () => "/app/settings/mailer/general", ready: "mailer-settings-general" },
  { name: "profile", path: () => "/app/settings/profile", ready: "mailer-staff-profile-me" },
  { name: "topbar-badge", path: () => "/app/orders", ready: "mailer-topbar-test-mode", element: "mailer-topbar-test-mode" },
  { name: "order-mails", path: (ids) => `/app/orders/${ids.orderId}`, ready: "mailer-order-mails" },
]

async function login(page: Page, url: string) {
  await page.goto(`${url}/app/login`)
  await page.locator('input[name="email"]').waitFor()
  await page.fill('input[name="email"]', LOGIN.email)
  await page.fill('input[name="password"]', LOGIN.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((u) => u.pathname.startsWith("/app") && !u.pathname.startsWith("/app/login"))
}

/** Waits for the screen's data, then for the page to be still (no requests, fonts loaded). */
async function settle(page: Page, testId: string) {
  await page.getByTestId(testId).first().waitFor()
  await page.waitForLoadState("networkidle")
  await page.evaluate(() => document.fonts.ready)
}

async function shootLanguage(browser: Browser, url: string, language: AdminLanguage, ids: Ids, failures: string[]) {
  const page = await adminPage(browser, language)
  await login(page, url)
  for (const shot of SHOTS) {
    if (shot.needs && !ids[shot.needs]) continue
    const file = join(OUT, `${language}-${shot.name}.png`)
    try {
      await page.goto(`${url}${shot.path(ids)}`)
      await settle(page, shot.ready)
      if (shot.open) {
        await page.getByTestId(shot.open).click()
        await page.locator("[role=dialog]").first().waitFor()
        await page.waitForLoadState("networkidle")
      }
      if (shot.scrollTo) {
        // Only the form's own scroll box moves (scrollIntoView would shift the whole modal).
        await page.getByTestId(shot.scrollTo).first().evaluate((el) => {
          let box = el.parentElement
          while (box && getComputedStyle(box).overflowY !== "auto") box = box.parentElement
          if (box) box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 16
        })
      }
      const target = shot.element ? page.getByTestId(shot.element).first() : page
      await target.screenshot({ path: file, animations: "disabled" })
    } catch (err) {
      failures.push(`${language}-${shot.name}: ${(err as Error).message.split("\n")[0]}`)
    }
  }
  await page.close()
}

/** Ids of an account, an order and one of its mails, read through the admin API. */
async function findIds(app: Pick<PackedApp, "url">): Promise<Ids> {
  const api = await adminApi(app)
  const { accounts } = await api.get("/admin/mailer/accounts")
  const { messages } = await api.get("/admin/mailer/messages?limit=20")
  const orderMail = messages.find((m: any) => m.resource_type === "order") ?? messages[0]
  const oauthAccountId = accounts.find((a: any) => a.auth_method === "oauth2")?.id
  return { accountId: accounts.find((a: any) => a.auth_method !== "oauth2")?.id ?? accounts[0]?.id, orderId: orderMail?.resource_id, messageId: orderMail?.id, oauthAccountId }
}

describe("screenshots", () => {
  it("shoots every plugin screen in German and English", async () => {
    mkdirSync(OUT, { recursive: true })
    const sink = await new SmtpSink().start()
    let app: PackedApp | undefined
    const browser = await launchBrowser()
    try {
      let url = process.env.SCREENSHOTS_URL
      if (!url) {
        app = await startPackedApp()
        url = app.url
        await createAccount(app, sink.port, { name: "Shop-Postfach (Testmodus)", test_mode: true, test_recipient: "inhaber@muster-shop.test" })
        // Second, so the first stays the default that sends the order mail.
        await createAccount(app, sink.port, {
          name: "Microsoft 365",
          host: "smtp.office365.com",
          port: 587,
          security: "starttls",
          auth_required: true,
          sender_email: "kontakt@muster-shop.test",
          auth_method: "oauth2",
          oauth: { provider: "microsoft", client_id: "3f6c1b2e-8a4d-4c1f-9b7e-2d5a6e8f0c13", client_secret: "example-secret", tenant: "muster-shop.test" },
        })
        await placeOrder(app, "erika@kunde.test", "de-DE")
        await waitFor(() => sink.mails.length >= 1, "the order confirmation at the sink", 60_000)
      }
      const ids = await findIds(app ?? { url })
      const failures: string[] = []
      for (const language of ["de", "en"] as const) {
        await shootLanguage(browser, url, language, ids, failures)
      }
      // Each missing shot is named; the others are written all the same.
      expect(failures).toEqual([])
    } finally {
      await browser.close()
      await app?.stop()
      await sink.stop()
    }
  })
})
