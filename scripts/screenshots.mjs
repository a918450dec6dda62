// Takes the README's screenshots from a running demo (`npm run dev` + `npm run demo:order`),
// with Debian's chromium driven by playwright-core.
import { mkdirSync } from "node:fs"
import { chromium } from "playwright-core"

const ADMIN = process.env.MEDUSA_URL ?? "http://localhost:9000"
const INBOX = process.env.INBOX_URL ?? "http://localhost:1080"
const OUT = "docs/screenshots"
mkdirSync(OUT, { recursive: true })

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
})
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: process.env.SHOT_LOCALE ?? "de-DE" })
  await page.goto(`${ADMIN}/app/login`)
  await page.fill('input[name="email"]', "admin@example.com")
  await page.fill('input[name="password"]', "supersecret")
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/app\/orders/, { timeout: 120_000 })
  await page.locator("table tbody tr").first().click()
  await page.getByRole("heading", { name: /E-Mails|E-mails/ }).waitFor({ timeout: 60_000 })
  await page.waitForTimeout(1000)
  await page.screenshot({ path: `${OUT}/order-mails.png` })

  await page.goto(INBOX)
  await page.locator("table a").first().click()
  await page.waitForTimeout(500)
  await page.screenshot({ path: `${OUT}/inbox-mail.png`, fullPage: false })
  console.log(`screenshots written to ${OUT}/`)
} finally {
  await browser.close()
}
