// Debian's chromium driven by playwright-core, logged in to the packed app's admin.
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"
import { ADMIN_LOGIN } from "./packed-app"

export type AdminLanguage = "de" | "en"

/** Bounds for one browser step: the production build loads in seconds, a loaded 2-core machine needs room. */
export const UI_TIMEOUT = 60_000

/** Debian's chromium, headless, with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  })
}

/** A page whose dashboard speaks `language` (the admin keeps its choice in localStorage "lng"). */
export async function adminPage(browser: Browser, language: AdminLanguage): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  recordPageErrors(page)
  page.setDefaultTimeout(UI_TIMEOUT)
  page.setDefaultNavigationTimeout(UI_TIMEOUT)
  await page.addInitScript((lng) => window.localStorage.setItem("lng", lng), language)
  return page
}

const pageErrors = new WeakMap<Page, string[]>()

/** Keeps the page's uncaught errors and console errors: a crashed screen says why in the failure. */
function recordPageErrors(page: Page) {
  const errors: string[] = []
  pageErrors.set(page, errors)
  const keep = (text: string) => errors.push(text.slice(0, 500)) > 10 && errors.shift()
  page.on("pageerror", (err) => keep(`page error: ${err.message}`))
  page.on("console", (msg) => msg.type() === "error" && keep(`console: ${msg.text()}`))
}

/** Logs in through the login form and waits until the dashboard has left it. */
export async function loginToAdmin(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/app/login`)
  await page.locator('input[name="email"]').waitFor()
  await page.fill('input[name="email"]', ADMIN_LOGIN.email)
  await page.fill('input[name="password"]', ADMIN_LOGIN.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => url.pathname.startsWith("/app") && !url.pathname.startsWith("/app/login"))
}

/** A logged-in page in `language`, opened at `path` (e.g. "/app/settings/mailer"). */
export async function openAdmin(browser: Browser, baseUrl: string, language: AdminLanguage, path: string): Promise<Page> {
  const page = await adminPage(browser, language)
  await loginToAdmin(page, baseUrl)
  await page.goto(`${baseUrl}${path}`)
  return page
}

/** Switches a page's dashboard language for its next load (and reloads it). */
export async function setLanguage(page: Page, language: AdminLanguage): Promise<void> {
  await page.evaluate((lng) => window.localStorage.setItem("lng", lng), language)
  await page.addInitScript((lng) => window.localStorage.setItem("lng", lng), language)
  await page.reload()
}

/**
 * Runs browser steps; when one fails, the error names a screenshot of the page at
 * that moment and, given the app, Medusa's log file.
 */
export async function withScreenshotOnFailure(page: Page, steps: () => Promise<void>, app?: { logFile: string }): Promise<void> {
  try {
    await steps()
  } catch (err) {
    const file = join(mkdtempSync(join(tmpdir(), "mailer-admin-shot-")), "failure.png")
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
    const errors = pageErrors.get(page) ?? []
    const extra = [
      `Screenshot of the page: ${file}`,
      app ? `Medusa log: ${app.logFile}` : "",
      errors.length ? `Browser errors:\n  ${errors.join("\n  ")}` : "",
    ].filter(Boolean).join("\n")
    // Jest prints the stack, which repeats the message as it was when the error was made.
    const error = err as Error
    error.message += `\n${extra}`
    error.stack = `${error.message}\n${(error.stack ?? "").split("\n").filter((l) => l.trim().startsWith("at ")).join("\n")}`
    throw error
  }
}
