import { Alert, Button, Text, toast, usePrompt } from "@medusajs/ui"
import { useContext } from "react"
import { useTranslation } from "react-i18next"
import { useDisconnectAccount } from "../../../../../lib/api/accounts"
import { toastApiError } from "../../../../../lib/toast-error"
import type { MailerAccount, OAuthProvider } from "../../../../../lib/types"
import { OAuthConnectContext, OAuthReturnContext, oauthErrorText } from "./oauth-return"

/**
 * Whether the shop holds a sign-in for this account, as whom and since when, and the buttons
 * that change it: Connect (saves the form first when needed, then goes to the provider),
 * Reconnect when the provider ended the sign-in, Disconnect.
 */
export function OAuthConnection({ account, provider }: { account?: MailerAccount; provider: OAuthProvider }) {
  const { t } = useTranslation("mailer")
  const returned = useContext(OAuthReturnContext)
  const oauth = account?.auth_method === "oauth2" ? account.oauth : null
  const reauth = account?.status === "reauth_required"
  const connected = !!oauth?.connected && !reauth
  const error = returned?.result === "error" ? oauthErrorText(t, returned.code) : null
  return (
    <div className="border-ui-border-base flex flex-col gap-y-3 rounded-lg border p-4" data-testid="mailer-account-oauth-connection">
      <Text size="small" weight="plus">
        {t("accounts.oauth.state.title")}
      </Text>
      {error && (
        <Alert variant="error" data-testid="mailer-account-oauth-error">
          <Text size="small" weight="plus">{error.message}</Text>
          <Text size="small">
            <span className="font-medium">{t("error.hint")}: </span>
            {error.hint}
          </Text>
        </Alert>
      )}
      {reauth && (
        <Alert variant="warning" data-testid="mailer-account-oauth-reauth">
          <Text size="small" weight="plus">{t("accounts.oauth.state.reauth")}</Text>
          <Text size="small">{t("accounts.oauth.errors.OAUTH_REAUTH_REQUIRED.hint")}</Text>
          {account?.last_error && (
            <Text size="xsmall" className="text-ui-fg-subtle break-all font-mono">
              {t("accounts.oauth.state.providerSaid")}: {account.last_error}
            </Text>
          )}
        </Alert>
      )}
      <StateLine account={account} connected={connected} />
      <div className="flex flex-wrap gap-2">
        <ConnectButton provider={provider} again={connected || reauth} primary={!connected} />
        {account && oauth?.connected && <DisconnectButton account={account} />}
      </div>
    </div>
  )
}

function StateLine({ account, connected }: { account?: MailerAccount; connected: boolean }) {
  const { t, i18n } = useTranslation("mailer")
  const oauth = account?.oauth
  if (connected && oauth) {
    const since = oauth.connected_at ? new Date(oauth.connected_at).toLocaleString(i18n.language) : null
    return (
      <Text size="small" data-testid="mailer-account-oauth-connected">
        {oauth.connected_identity ? t("accounts.oauth.state.connected", { identity: oauth.connected_identity }) : t("accounts.oauth.state.connectedUnknown")}
        {since && <span className="text-ui-fg-subtle"> · {t("accounts.oauth.state.connectedSince", { date: since })}</span>}
      </Text>
    )
  }
  if (account?.status === "reauth_required") return null
  return (
    <Text size="small" className="text-ui-fg-subtle" data-testid="mailer-account-oauth-not-connected">
      {account ? t("accounts.oauth.state.notConnected") : t("accounts.oauth.state.notSaved")}
    </Text>
  )
}

function ConnectButton({ provider, again, primary }: { provider: OAuthProvider; again: boolean; primary: boolean }) {
  const { t } = useTranslation("mailer")
  const actions = useContext(OAuthConnectContext)
  return (
    <Button
      type="button"
      size="small"
      variant={primary ? "primary" : "secondary"}
      onClick={actions?.connect}
      isLoading={actions?.connecting}
      disabled={!actions}
      data-testid="mailer-account-oauth-connect"
    >
      {again ? t("accounts.oauth.reconnect") : t(`accounts.oauth.connect.${provider}`)}
    </Button>
  )
}

function DisconnectButton({ account }: { account: MailerAccount }) {
  const { t } = useTranslation("mailer")
  const prompt = usePrompt()
  const disconnect = useDisconnectAccount(account.id)
  const onClick = async () => {
    const confirmed = await prompt({
      title: t("accounts.oauth.disconnectTitle", { name: account.name }),
      description: t("accounts.oauth.disconnectDescription"),
      confirmText: t("accounts.oauth.disconnect"),
      cancelText: t("actions.cancel"),
      variant: "danger",
    })
    if (!confirmed) return
    // Not mutate()'s own callbacks: the refetched account is no longer connected, so this
    // button unmounts before they would run, and react-query drops them with it.
    try {
      await disconnect.mutateAsync(undefined)
      toast.success(t("accounts.oauth.toast.disconnected", { name: account.name }))
    } catch (error) {
      toastApiError(error)
    }
  }
  return (
    <Button type="button" size="small" variant="secondary" onClick={onClick} isLoading={disconnect.isPending} data-testid="mailer-account-oauth-disconnect">
      {t("accounts.oauth.disconnect")}
    </Button>
  )
}
