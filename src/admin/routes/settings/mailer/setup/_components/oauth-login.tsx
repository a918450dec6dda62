import { Input, RadioGroup, Text } from "@medusajs/ui"
import { Controller, type UseFormReturn } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { FormField } from "../../../../../components/form-field"
import type { MailerPreset, OAuthProvider } from "../../../../../lib/types"
import { OAuthRegistration } from "../../accounts/_components/oauth-registration"
import type { LoginValues } from "./login-schema"

type Form = UseFormReturn<LoginValues>

/**
 * Microsoft 365 and Gmail: both ways to sign in, the one the provider recommends first (the
 * preset's note above says why: Microsoft ends SMTP passwords in December 2026, Google wants
 * app passwords).
 */
export const AuthMethodChoice = ({ form, preset, provider }: { form: Form; preset: MailerPreset; provider: OAuthProvider }) => {
  const { t } = useTranslation("mailer")
  const methods = preset.auth_methods ?? ["password"]
  return (
    <fieldset className="flex flex-col gap-y-3" data-testid="mailer-setup-auth-method">
      <legend className="txt-compact-medium-plus text-ui-fg-base mb-4">{t("overview.setup.oauth.methodGroup")}</legend>
      <Controller
        control={form.control}
        name="auth_method"
        render={({ field }) => (
          <RadioGroup value={field.value} onValueChange={field.onChange} className="grid grid-cols-1 gap-3 md:grid-cols-2" aria-label={t("overview.setup.oauth.methodGroup")}>
            {methods.map((method, index) => (
              <RadioGroup.ChoiceBox
                key={method}
                value={method}
                label={`${t(method === "oauth2" ? `overview.setup.oauth.method.${provider}` : "overview.setup.oauth.method.password")}${index === 0 ? ` – ${t("overview.setup.oauth.recommended")}` : ""}`}
                description={t(`overview.setup.oauth.methodDescription.${method}`)}
                data-testid={`mailer-setup-auth-${method}`}
              />
            ))}
          </RadioGroup>
        )}
      />
    </fieldset>
  )
}

/** The app registration's client id and secret (and Microsoft's tenant), and the redirect URL to register. */
export const OAuthLoginFields = ({ form, provider, error }: { form: Form; provider: OAuthProvider; error: (name: keyof LoginValues) => string | undefined }) => {
  const { t } = useTranslation("mailer")
  return (
    <fieldset className="flex flex-col gap-y-4" data-testid="mailer-setup-oauth">
      <legend className="txt-compact-medium-plus text-ui-fg-base mb-4">{t("overview.setup.login.loginGroup")}</legend>
      <Text size="small" className="text-ui-fg-subtle">
        {t(`overview.setup.oauth.intro.${provider}`)}
      </Text>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField htmlFor="mailer-setup-oauth_client_id" label={t("accounts.oauth.clientId")} error={error("oauth_client_id")}>
          <Input id="mailer-setup-oauth_client_id" autoComplete="off" className="font-mono" {...form.register("oauth_client_id")} />
        </FormField>
        <FormField htmlFor="mailer-setup-oauth_client_secret" label={t("accounts.oauth.clientSecret")} hint={t("overview.setup.hints.password")} error={error("oauth_client_secret")}>
          <Input id="mailer-setup-oauth_client_secret" type="password" autoComplete="new-password" {...form.register("oauth_client_secret")} />
        </FormField>
        {provider === "microsoft" && (
          <FormField htmlFor="mailer-setup-oauth_tenant" label={t("accounts.oauth.tenant")} optional={t("accounts.form.optional")} hint={t("accounts.oauth.tenantHint")} error={error("oauth_tenant")}>
            <Input id="mailer-setup-oauth_tenant" autoComplete="off" placeholder="organizations" {...form.register("oauth_tenant")} />
          </FormField>
        )}
        <FormField htmlFor="mailer-setup-username" label={t("accounts.oauth.mailbox")} optional={t("accounts.form.optional")} hint={t("accounts.oauth.mailboxHint")}>
          <Input id="mailer-setup-username" autoComplete="username" placeholder={form.watch("sender_email")} {...form.register("username")} />
        </FormField>
      </div>
      <OAuthRegistration provider={provider} />
    </fieldset>
  )
}
