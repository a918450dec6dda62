import { zodResolver } from "@hookform/resolvers/zod"
import { Button, FocusModal, toast } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { FormProvider, useForm } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { ApiErrorAlert } from "../../../../../components/api-error-alert"
import { useCreateAccount, useSalesChannelOptions, useUpdateAccount, type AccountSaved } from "../../../../../lib/api/accounts"
import { MailerApiError } from "../../../../../lib/client"
import type { MailerAccount, MailerPreset } from "../../../../../lib/types"
import { AccountToolbar } from "./account-toolbar"
import { accountFormSchema, isFormField, toApiBody, toFormValues, type AccountFormValues } from "./form-schema"
import { DkimSection, LimitsSection } from "./section-advanced"
import { SalesChannelsSection, TestModeSection } from "./section-channels"
import { ConnectionSection } from "./section-connection"
import { CopiesSection, SenderSection } from "./section-sender"
import { SignatureSection } from "./section-signature"
import { errorDescription } from "./use-account-actions"
import { OAuthConnectContext } from "./oauth-return"
import { useOAuthConnect } from "./use-oauth-connect"

/**
 * Create or edit an account with every field of the API. "Test and save" (primary) stores only
 * after a real connection and test mail worked; on failure the form stays filled and shows the
 * error's message, hint and the server's reply, and field problems land on their inputs.
 */
export function AccountForm({
  account,
  presets,
  onDone,
}: {
  account?: MailerAccount
  presets: MailerPreset[]
  onDone: () => void
}) {
  const { t } = useTranslation("mailer")
  const form = useForm<AccountFormValues>({
    defaultValues: toFormValues(account),
    resolver: zodResolver(accountFormSchema),
  })
  const create = useCreateAccount()
  const update = useUpdateAccount(account?.id ?? "")
  const mutation = account ? update : create
  const channels = useSalesChannelOptions()
  const [submitError, setSubmitError] = useState<unknown>(null)
  const [pending, setPending] = useState<"test" | "save" | null>(null)
  const errorRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (submitError) errorRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" })
  }, [submitError])

  const showError = (error: unknown) => {
    setSubmitError(error)
    if (error instanceof MailerApiError) {
      for (const problem of error.errors) {
        // The API names the sign-in's fields inside `oauth` ("oauth.client_secret"); the form flat ("oauth_client_secret").
        const field = problem.field.replace(/^oauth\./, "oauth_")
        if (isFormField(field)) form.setError(field, { message: problem.message })
      }
      // Changing the connection asks for the password again (the stored one is not reused).
      if (error.code === "PASSWORD_REQUIRED") form.setError("password", { message: error.message })
    }
    toast.error(error instanceof Error ? error.message : String(error), {
      description: error instanceof MailerApiError ? errorDescription(error.hint, error.detail) : undefined,
    })
  }

  const onSaved = (result: AccountSaved, verify: boolean) => {
    const name = result.account.name
    if (verify && result.test?.ok) toast.success(t("accounts.toast.testedAndSaved", { name, to: result.test.to }))
    else toast.success(t("accounts.toast.saved", { name }))
    onDone()
  }

  const oauthConnect = useOAuthConnect({ form, account, save: mutation.mutateAsync, onError: showError })

  const submit = (verify: boolean) =>
    form.handleSubmit(async (values) => {
      setSubmitError(null)
      setPending(verify ? "test" : "save")
      try {
        onSaved(await mutation.mutateAsync(toApiBody(values, account, verify)), verify)
      } catch (error) {
        showError(error)
      } finally {
        setPending(null)
      }
    })

  return (
    <FormProvider {...form}>
      <form
        className="flex flex-1 flex-col overflow-hidden"
        onSubmit={(event) => {
          event.preventDefault()
          void submit(true)()
        }}
        noValidate
        data-testid="mailer-account-form"
      >
        <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-8">
          <div className="flex w-full max-w-[720px] flex-col gap-y-8 px-4">
            {account && <AccountToolbar account={account} onDeleted={onDone} />}
            <div ref={errorRef}>{submitError ? <ApiErrorAlert error={submitError} /> : null}</div>
            <OAuthConnectContext.Provider value={oauthConnect}>
              <ConnectionSection account={account} presets={presets} />
            </OAuthConnectContext.Provider>
            <SenderSection />
            <SalesChannelsSection channels={channels.data ?? []} loading={channels.isLoading} />
            <TestModeSection />
            <SignatureSection />
            <CopiesSection />
            <LimitsSection account={account} />
            <DkimSection account={account} />
          </div>
        </FocusModal.Body>
        <FocusModal.Footer>
          <div className="flex items-center justify-end gap-x-2">
            <FocusModal.Close asChild>
              <Button size="small" variant="secondary" type="button">
                {t("actions.cancel")}
              </Button>
            </FocusModal.Close>
            <Button
              size="small"
              variant="secondary"
              type="button"
              onClick={submit(false)}
              isLoading={pending === "save"}
              disabled={!!pending}
              data-testid="mailer-account-save"
            >
              {t("accounts.actions.saveWithoutTest")}
            </Button>
            <Button size="small" type="submit" isLoading={pending === "test"} disabled={!!pending} data-testid="mailer-account-test-and-save">
              {t("accounts.actions.testAndSave")}
            </Button>
          </div>
        </FocusModal.Footer>
      </form>
    </FormProvider>
  )
}
