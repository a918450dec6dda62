import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import { Badge, Tooltip } from "@medusajs/ui"
import { Component, type ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useAccounts } from "../lib/api/accounts"
import { summarizeAccounts, testRecipientOf } from "../lib/account-summary"
import { accountPath, MAILER_PATHS } from "../lib/paths"

/**
 * In the top bar of every page: "Test mode" while a sending account is in test mode (its mail
 * goes to the shop's own address only), a red warning when no account can send. Rechecks
 * every 30 s and when the window regains focus; a change made in the admin shows at once
 * (the account mutations invalidate this query).
 */
const TestModeBadge = () => {
  const { t } = useTranslation("mailer")
  const accounts = useAccounts({ refetchInterval: 30_000, refetchOnWindowFocus: "always" })
  // No data (loading, no permission, API down) says nothing: the badge must never be noise.
  if (!accounts.data) return null
  const summary = summarizeAccounts(accounts.data.accounts)
  // A revoked OAuth2 sign-in is only fixed by the merchant signing in again: link straight to that account.
  const reauth = summary.paused.find((account) => account.status === "reauth_required")

  if (summary.none || summary.noneCanSend) {
    const label = summary.none ? t("overview.badge.notSetUp") : t("overview.badge.noneCanSend")
    const to = summary.none ? MAILER_PATHS.setup : reauth ? accountPath(reauth.id) : MAILER_PATHS.overview
    return (
      <TopbarBadge to={to} tooltip={reauth ? t("overview.badge.reauthTooltip", { name: reauth.name }) : label} color="red" testId="mailer-topbar-no-sender">
        <ExclamationCircle className="shrink-0" />
        <span className="min-w-0 truncate">{label}</span>
      </TopbarBadge>
    )
  }
  if (reauth) {
    return (
      <TopbarBadge to={accountPath(reauth.id)} tooltip={t("overview.badge.reauthTooltip", { name: reauth.name })} color="red" testId="mailer-topbar-reauth">
        <ExclamationCircle className="shrink-0" />
        <span className="min-w-0 truncate">{t("overview.badge.reauth", { name: reauth.name })}</span>
      </TopbarBadge>
    )
  }
  if (summary.inTestMode.length === 0) return null
  const recipients = [...new Set(summary.inTestMode.map(testRecipientOf))]
  const tooltip = t("overview.badge.testModeTooltip", { address: recipients.join(", ") })
  return (
    <TopbarBadge to={MAILER_PATHS.overview} tooltip={tooltip} color="orange" testId="mailer-topbar-test-mode">
      <span className="min-w-0 truncate">
        {t("overview.badge.testMode", { address: recipients[0] })}
        {recipients.length > 1 && ` +${recipients.length - 1}`}
      </span>
    </TopbarBadge>
  )
}

const TopbarBadge = ({
  to,
  tooltip,
  color,
  testId,
  children,
}: {
  to: string
  tooltip: string
  color: "orange" | "red"
  testId: string
  children: ReactNode
}) => (
  <Tooltip content={tooltip}>
    <Link to={to} data-testid={testId} className="rounded-md outline-none focus-visible:shadow-borders-focus">
      <Badge size="2xsmall" color={color} className="flex max-w-[360px] cursor-pointer items-center gap-x-1">
        {children}
      </Badge>
    </Link>
  </Tooltip>
)

/**
 * The top bar is on every page of the admin: whatever goes wrong in the badge (a host app
 * with a second copy of a shared library, an unexpected answer) must cost the badge, not the
 * page. The dashboard has no error boundary around top bar widgets.
 */
class BadgeBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  componentDidCatch(error: unknown) {
    console.error("[medusa-plugin-mailer] the topbar badge failed and is hidden:", error)
  }
  render() {
    return this.state.failed ? null : this.props.children
  }
}

const MailerTestModeBadge = () => (
  <BadgeBoundary>
    <TestModeBadge />
  </BadgeBoundary>
)

export const config = defineWidgetConfig({
  zone: "topbar",
  id: "mailer-test-mode-badge",
})

export default MailerTestModeBadge
