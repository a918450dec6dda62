import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { MailerAccount } from "../lib/types"

/**
 * "12 of 50 today": the account's sends today as its daily quota counts them (the day in the
 * plugin option quota_time_zone). Nothing when the API did not count them.
 */
export function SentToday({ account, className }: { account: Pick<MailerAccount, "sent_today" | "daily_quota">; className?: string }) {
  const { t } = useTranslation("mailer")
  const sent = account.sent_today
  if (sent === null || sent === undefined) return null
  const quota = account.daily_quota
  const full = !!quota && sent >= quota
  return (
    <Text
      size="small"
      leading="compact"
      className={[full ? "text-ui-fg-error" : "text-ui-fg-subtle", className].filter(Boolean).join(" ")}
      title={full ? t("accounts.usage.full") : undefined}
      data-testid="mailer-account-sent-today"
    >
      {quota ? t("accounts.usage.ofQuota", { sent, quota }) : t("accounts.usage.noQuota", { sent })}
      {full ? ` · ${t("accounts.usage.fullShort")}` : ""}
    </Text>
  )
}
