import { zodResolver } from "@hookform/resolvers/zod"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useForm } from "react-hook-form"
import { useNavigate } from "react-router-dom"
import { useTranslation } from "react-i18next"
import { ApiErrorAlert } from "../../../../../components/api-error-alert"
import { useAuthorizeAccount, useCreateAccount, type AccountSaved } from "../../../../../lib/api/accounts"
import { MailerApiError } from "../../../../../lib/client"
import type { MailerPreset } from "../../../../../lib/types"
import { LoginFields, SenderFields, ServerFields, useFieldError } from "./login-fields"
import { defaultsFor, loginSchema, oauthProviderOf, toAccountInput, toOAuthAccountInput, type LoginValues } from "./login-schema"
import { AuthMethodChoice, OAuthLoginFields } from "./oauth-login"
import { PresetNotes, presetName } from "./provider-step"
import { toastApiError } from "../../../../../lib/toast-error"

/**
 * Step 2: sender, login and server, then "Test and save": the plugin connects, logs in and
 * sends a test mail before it stores anything. A failure keeps the form as it was and shows
 * the reason, what to do, and the server's reply.
 */
export const LoginStep = ({
  preset,
  onBack,
  onSaved,
}: {
  preset: MailerPreset
  onBack: () => void
  onSaved: (saved: AccountSaved) => void
}) => {
  const { t } = useTranslation("mailer")
  const form = useForm<LoginValues>({
    resolver: zodResolver(loginSchema),
    defaultValues: defaultsFor(preset, presetName(preset, t)),
  })
  const create = useCreateAccount()
  const authorize = useAuthorizeAccount()
  const navigate = useNavigate()
  const fieldError = useFieldError(form)
  const provider = oauthProviderOf(preset)
  const oauth = !!provider && form.watch("auth_method") === "oauth2"

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (provider && values.auth_method === "oauth2") {
        const saved = await create.mutateAsync(toOAuthAccountInput(values, provider))
        // Stored now: a failing sign-in start is continued (and explained) on the account itself.
        const { authorize_url } = await authorize.mutateAsync(saved.account.id).catch((error) => {
          navigate(`/settings/mailer/accounts?edit=${encodeURIComponent(saved.account.id)}`)
          throw error
        })
        window.location.assign(authorize_url)
        return
      }
      const saved = await create.mutateAsync(toAccountInput(values))
      toast.success(t("overview.setup.login.saved", { name: saved.account.name }))
      onSaved(saved)
    } catch (error) {
      markFieldProblems(error, form.setError)
      toastApiError(error)
    }
  })

  return (
    <Container className="divide-y p-0" data-testid="mailer-setup-login">
      <form onSubmit={onSubmit} noValidate>
        <div className="flex flex-col gap-y-1 px-6 py-4">
          <Heading level="h2">{t("overview.setup.login.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {oauth ? t("overview.setup.oauth.description") : t("overview.setup.login.description")}
          </Text>
        </div>
        <div className="flex flex-col gap-y-6 px-6 py-4">
          <PresetNotes preset={preset} />
          <SenderFields form={form} />
          {provider && <AuthMethodChoice form={form} preset={preset} provider={provider} />}
          {oauth && provider ? <OAuthLoginFields form={form} provider={provider} error={fieldError} /> : <LoginFields form={form} />}
          <ServerFields form={form} />
          {create.error && <ApiErrorAlert error={create.error} />}
        </div>
        <div className="flex items-center justify-end gap-x-2 border-t px-6 py-4">
          <Button type="button" size="small" variant="secondary" onClick={onBack} disabled={create.isPending}>
            {t("actions.back")}
          </Button>
          <Button type="submit" size="small" isLoading={create.isPending || authorize.isPending} data-testid="mailer-setup-test-and-save">
            {oauth && provider ? t(`overview.setup.oauth.saveAndConnect.${provider}`) : t("overview.setup.login.testAndSave")}
          </Button>
        </div>
      </form>
    </Container>
  )
}

/** The server named fields it refused: show each sentence at its field too. */
function markFieldProblems(error: unknown, setError: (name: keyof LoginValues, error: { message: string }) => void) {
  if (!(error instanceof MailerApiError)) return
  const known = Object.keys(loginSchema.shape) as (keyof LoginValues)[]
  for (const problem of error.errors) {
    const field = known.find((name) => name === problem.field)
    if (field) setError(field, { message: problem.message })
  }
}
