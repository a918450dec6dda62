import { useState } from "react"
import type { UseFormReturn } from "react-hook-form"
import { useSearchParams } from "react-router-dom"
import { useAuthorizeAccount, type AccountInput, type AccountSaved } from "../../../../../lib/api/accounts"
import type { MailerAccount } from "../../../../../lib/types"
import { toApiBody, type AccountFormValues } from "./form-schema"

/**
 * "Connect with Microsoft/Google": the provider returns to a saved account, so a new account or
 * unsaved changes (client id, secret, tenant …) are saved first, without a test (an account
 * cannot be tested before it is connected). Then the plugin answers the provider's sign-in
 * address and the browser goes there; the page is left, so "connecting" stays on.
 */
export function useOAuthConnect({
  form,
  account,
  save,
  onError,
}: {
  form: UseFormReturn<AccountFormValues>
  account?: MailerAccount
  save: (body: AccountInput) => Promise<AccountSaved>
  onError: (error: unknown) => void
}) {
  const authorize = useAuthorizeAccount()
  const [connecting, setConnecting] = useState(false)
  const [, setSearchParams] = useSearchParams()

  const connect = form.handleSubmit(async (values) => {
    setConnecting(true)
    try {
      const body = toApiBody(values, account, false)
      const id = !account || Object.keys(body).length > 0 ? (await save(body)).account.id : account.id
      try {
        const { authorize_url } = await authorize.mutateAsync(id)
        window.location.assign(authorize_url)
      } catch (error) {
        // The new account is stored now: the form edits it from here on (a second click must not create another).
        if (!account) setSearchParams({ edit: id })
        throw error
      }
    } catch (error) {
      setConnecting(false)
      onError(error)
    }
  })

  return { connect: () => void connect(), connecting }
}
