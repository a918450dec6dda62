import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"
import { ADMIN_LOGIN } from "./admin-app"

/** Debian's chromium, headless, with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  })
}

/** A page whose dashboard speaks `language` (the admin keeps its choice in localStorage "lng"). */
export async function adminPage(browser: Browser, language: "de" | "en"): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  await page.addInitScript((lng) => window.localStorage.setItem("lng", lng), language)
  return page
}

export async function loginToAdmin(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/app/login`)
  // The first load compiles the dashboard in Vite's dev server: slow on 2 cores.
  await page.locator('input[name="email"]').waitFor({ timeout: 180_000 })
  await page.fill('input[name="email"]', ADMIN_LOGIN.email)
  await page.fill('input[name="password"]', ADMIN_LOGIN.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/app\/orders/, { timeout: 180_000 })
}

/** Runs browser steps; when one fails, the error names a screenshot of the page at that moment. */
export async function withScreenshotOnFailure(page: Page, steps: () => Promise<void>): Promise<void> {
  try {
    await steps()
  } catch (err) {
    const file = join(mkdtempSync(join(tmpdir(), "mailer-admin-shot-")), "failure.png")
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
    ;(err as Error).message += `\nScreenshot of the page: ${file}`
    throw err
  }
}
