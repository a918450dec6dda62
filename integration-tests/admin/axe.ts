// Accessibility check for the plugin's screens: axe-core injected into the page.
// Scoped to the page's main content and open dialogs (drawers and focus modals
// render outside <main>); the dashboard's own navigation is Medusa's, not ours.
import { readFileSync } from "node:fs"
import type { Page } from "playwright-core"

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8")
const SERIOUS = new Set(["critical", "serious"])

export interface A11yViolation {
  id: string
  impact: string
  help: string
  helpUrl: string
  targets: string[]
}

export interface A11yOptions {
  /** CSS selectors to check (default: main content and open dialogs). */
  include?: string[]
  /** axe rule ids to leave out, each with a reason in the calling test. */
  disableRules?: string[]
}

const DEFAULT_INCLUDE = ["main", "[role=dialog]", "[role=alertdialog]"]

/** Violations with impact critical or serious on the current page. */
export async function seriousA11yViolations(page: Page, options: A11yOptions = {}): Promise<A11yViolation[]> {
  const hasAxe = await page.evaluate(() => typeof (window as any).axe !== "undefined")
  if (!hasAxe) {
    await page.addScriptTag({ content: AXE_SOURCE })
  }
  // Colours are judged as they end up: a button caught mid-transition (disabled → enabled after
  // a click) would be measured at a contrast it never keeps.
  await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; animation: none !important; }" })
  const include = options.include ?? DEFAULT_INCLUDE
  const disableRules = options.disableRules ?? []
  const violations = await page.evaluate(
    async ({ include, disableRules }) => {
      const present = include.filter((selector) => document.querySelector(selector))
      const rules = Object.fromEntries(disableRules.map((id) => [id, { enabled: false }]))
      const result = await (window as any).axe.run(present.length ? { include: present.map((s) => [s]) } : document, {
        resultTypes: ["violations"],
        rules,
      })
      return result.violations.map((v: any) => ({
        id: v.id,
        impact: v.impact ?? "",
        help: v.help,
        helpUrl: v.helpUrl,
        targets: v.nodes.map((n: any) => `${n.target.join(" ")}  ${String(n.html ?? "").slice(0, 160)}`),
      }))
    },
    { include, disableRules }
  )
  return violations.filter((v: A11yViolation) => SERIOUS.has(v.impact))
}

export function describeViolations(violations: A11yViolation[]): string {
  return violations.map((v) => `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n    ${v.targets.slice(0, 5).join("\n    ")}`).join("\n")
}

/** Fails with a readable list when axe finds critical or serious violations. */
export async function expectNoSeriousA11yViolations(page: Page, options: A11yOptions = {}): Promise<void> {
  const violations = await seriousA11yViolations(page, options)
  if (violations.length) {
    throw new Error(`Accessibility violations (critical/serious) on ${page.url()}:\n${describeViolations(violations)}`)
  }
}
