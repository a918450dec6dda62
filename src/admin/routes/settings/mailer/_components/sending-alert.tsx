import { Alert, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import type { AccountSummary } from "../../../../lib/account-summary"
import { accountPath } from "../../../../lib/paths"

/**
 * Says loudly when mail is waiting: red when no account can send at all, orange when some
 * accounts are paused. Each paused account shows why and links to where it is fixed.
 */
export const SendingAlert = ({ summary }: { summary: AccountSummary }) => {
  const { t } = useTranslation("mailer")
  if (summary.paused.length === 0) return null
  const blocking = summary.noneCanSend
  return (
    <Alert variant={blocking ? "error" : "warning"} data-testid={blocking ? "mailer-none-can-send" : "mailer-some-paused"}>
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus">
          {blocking ? t("overview.alert.noneCanSend") : t("overview.alert.somePaused")}
        </Text>
        <Text size="small">{t("overview.alert.waiting")}</Text>
        <ul className="flex flex-col gap-y-1">
          {summary.paused.map((account) => (
            <li key={account.id}>
              <Text size="small">
                <span className="font-medium">{account.name}</span> ({account.sender_email}):{" "}
                {t(`accountStatus.${account.status}`)}
                {account.last_error ? ` – ${account.last_error}` : ""}{" "}
                <Link to={accountPath(account.id)} className="text-ui-fg-base font-medium underline underline-offset-2">
                  {/* The provider ended an OAuth2 sign-in: the fix is signing in again. */}
                  {account.status === "reauth_required" ? t("overview.alert.reconnect") : t("overview.alert.fix")}
                </Link>
              </Text>
            </li>
          ))}
        </ul>
      </div>
    </Alert>
  )
}
