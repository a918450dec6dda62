import { toast } from "@medusajs/ui"
import { createContext, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import type { SetURLSearchParams } from "react-router-dom"

/**
 * The provider's sign-in ends at the plugin's callback, which sends the browser back to
 * `/settings/mailer/accounts?edit=<id>&oauth=connected` or `…&oauth=error&code=<CODE>`.
 * The page says what happened once (a toast), keeps the account open and drops the markers
 * from the address, so a reload does not say it again. The account form shows an error's
 * sentence and hint next to the Connect button (OAuthReturnContext).
 */
export interface OAuthReturn {
  accountId: string
  result: "connected" | "error"
  code: string | null
}

export const OAuthReturnContext = createContext<OAuthReturn | null>(null)

/** The sentence and hint of a sign-in error code (the API's error table's wording). */
export function oauthErrorText(t: (key: string, options?: Record<string, unknown>) => string, code: string | null) {
  const known = code && t(`accounts.oauth.errors.${code}.message`, { defaultValue: "" })
  if (known) return { message: known, hint: t(`accounts.oauth.errors.${code}.hint`) }
  return {
    message: t("accounts.oauth.errors.unknown.message", { code: code ?? "?" }),
    hint: t("accounts.oauth.errors.unknown.hint"),
  }
}

export function useOAuthReturn(searchParams: URLSearchParams, setSearchParams: SetURLSearchParams): OAuthReturn | null {
  const { t } = useTranslation("mailer")
  const [state, setState] = useState<OAuthReturn | null>(null)
  const result = searchParams.get("oauth")
  const accountId = searchParams.get("edit")
  const code = searchParams.get("code")

  useEffect(() => {
    if (result !== "connected" && result !== "error") return
    // A sign-in whose state was not ours (expired, used, another user's) names no account.
    if (accountId) setState({ accountId, result, code })
    if (result === "connected") toast.success(t("accounts.oauth.toast.connected"))
    else {
      const text = oauthErrorText(t, code)
      toast.error(text.message, { description: text.hint })
    }
    setSearchParams(accountId ? { edit: accountId } : {}, { replace: true })
  }, [accountId, result, code, setSearchParams, t])

  // Another account opened (or the form closed): the return belonged to the previous one.
  return state && state.accountId === accountId ? state : null
}

/** The form's "save if needed, then sign in with the provider", for the Connect buttons. */
export const OAuthConnectContext = createContext<{ connect: () => void; connecting: boolean } | null>(null)
