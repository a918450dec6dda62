import { StatusBadge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { AccountStatus, MessageStatus } from "../lib/types"

const MESSAGE_COLOR = { queued: "orange", sending: "blue", sent: "green", failed: "red", skipped: "grey" } as const
const ACCOUNT_COLOR = {
  ok: "green",
  unverified: "orange",
  auth_failed: "red",
  tls_failed: "red",
  connection_failed: "red",
  reauth_required: "red",
} as const

export const MessageStatusBadge = ({ status }: { status: MessageStatus }) => {
  const { t } = useTranslation("mailer")
  return <StatusBadge color={MESSAGE_COLOR[status] ?? "grey"}>{t(`messageStatus.${status}`)}</StatusBadge>
}

export const AccountStatusBadge = ({ status }: { status: AccountStatus }) => {
  const { t } = useTranslation("mailer")
  return <StatusBadge color={ACCOUNT_COLOR[status] ?? "grey"}>{t(`accountStatus.${status}`)}</StatusBadge>
}

/** Account statuses whose mail waits until the merchant fixes the account. */
export const PAUSED_ACCOUNT_STATUSES: AccountStatus[] = ["auth_failed", "tls_failed", "connection_failed", "reauth_required"]
