import { Input, Label, RadioGroup, Select } from "@medusajs/ui"
import { useId } from "react"
import { useFormContext, useWatch } from "react-hook-form"
import { useTranslation } from "react-i18next"
import type { MailerAccount, OAuthProvider } from "../../../../../lib/types"
import { ClientSecretField } from "./client-secret-field"
import { FormField } from "./form-field"
import type { AccountFormValues } from "./form-schema"
import { OAuthConnection } from "./oauth-connection"
import { OAUTH_PROVIDERS, OAUTH_SMTP_SERVERS } from "./oauth-form"
import { OAuthRegistration } from "./oauth-registration"
import { PasswordField } from "./password-field"

/** The login of an account that needs one: a password, or a sign-in with Microsoft/Google (OAuth2). */
export function LoginFields({ account }: { account?: MailerAccount }) {
  const { t } = useTranslation("mailer")
  const { control } = useFormContext<AccountFormValues>()
  const method = useWatch({ control, name: "auth_method" })
  const labelId = useId()
  return (
    <div className="flex flex-col gap-y-4" data-testid="mailer-account-login">
      <div className="flex flex-col gap-y-2">
        <Label id={labelId} size="small" weight="plus">
          {t("accounts.oauth.methodLabel")}
        </Label>
        <MethodChoice labelId={labelId} />
      </div>
      {method === "oauth2" ? (
        <OAuthFields account={account} />
      ) : (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <FormField name="username" label={t("accounts.fields.username")}>
            {(field) => <Input {...field} size="small" autoComplete="off" />}
          </FormField>
          <PasswordField account={account} />
        </div>
      )}
    </div>
  )
}

function MethodChoice({ labelId }: { labelId: string }) {
  const { t } = useTranslation("mailer")
  const { control, setValue } = useFormContext<AccountFormValues>()
  const method = useWatch({ control, name: "auth_method" })
  return (
    <RadioGroup
      value={method}
      onValueChange={(value) => setValue("auth_method", value as AccountFormValues["auth_method"], { shouldDirty: true })}
      aria-labelledby={labelId}
      className="grid grid-cols-1 gap-3 md:grid-cols-2"
      data-testid="mailer-account-auth-method"
    >
      {(["password", "oauth2"] as const).map((value) => (
        <RadioGroup.ChoiceBox
          key={value}
          value={value}
          label={t(`accounts.oauth.method.${value}`)}
          description={t(`accounts.oauth.method.${value}Description`)}
          data-testid={`mailer-account-auth-method-${value}`}
        />
      ))}
    </RadioGroup>
  )
}

/** Provider, app registration (client id and secret, tenant or URLs), mailbox, redirect URL, connection. */
function OAuthFields({ account }: { account?: MailerAccount }) {
  const { t } = useTranslation("mailer")
  const { control, setValue, getValues } = useFormContext<AccountFormValues>()
  const provider = useWatch({ control, name: "oauth_provider" })
  const senderEmail = useWatch({ control, name: "sender_email" })
  // Microsoft and Google sign in for their own SMTP servers: fill the server while none is typed.
  const chooseProvider = (next: OAuthProvider) => {
    setValue("oauth_provider", next, { shouldDirty: true })
    const server = OAUTH_SMTP_SERVERS[next]
    if (server && !getValues("host").trim()) {
      const options = { shouldDirty: true, shouldValidate: true }
      setValue("host", server.host, options)
      setValue("port", server.port, options)
      setValue("security", server.security, options)
    }
  }
  return (
    <div className="flex flex-col gap-y-4" data-testid="mailer-account-oauth">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField name="oauth_provider" label={t("accounts.oauth.provider")}>
          {({ value, id, ref, ...rest }) => (
            <Select value={value} onValueChange={(next) => chooseProvider(next as OAuthProvider)}>
              <Select.Trigger id={id} ref={ref} aria-invalid={rest["aria-invalid"]} data-testid="mailer-account-oauth-provider">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {OAUTH_PROVIDERS.map((p) => (
                  <Select.Item key={p} value={p}>
                    {t(`accounts.oauth.providers.${p}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </FormField>
        <FormField name="username" label={t("accounts.oauth.mailbox")} optional hint={t("accounts.oauth.mailboxHint")}>
          {(field) => <Input {...field} size="small" autoComplete="off" placeholder={senderEmail || undefined} />}
        </FormField>
        <FormField name="oauth_client_id" label={t("accounts.oauth.clientId")}>
          {(field) => <Input {...field} size="small" autoComplete="off" className="font-mono" />}
        </FormField>
        <ClientSecretField stored={!!account?.oauth?.has_client_secret} />
      </div>
      {provider === "microsoft" && (
        <FormField name="oauth_tenant" label={t("accounts.oauth.tenant")} optional hint={t("accounts.oauth.tenantHint")}>
          {(field) => <Input {...field} size="small" autoComplete="off" placeholder="organizations" />}
        </FormField>
      )}
      {provider === "generic" && <GenericProviderFields />}
      <OAuthRegistration provider={provider} />
      <OAuthConnection account={account} provider={provider} />
    </div>
  )
}

function GenericProviderFields() {
  const { t } = useTranslation("mailer")
  return (
    <>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField name="oauth_authorize_url" label={t("accounts.oauth.authorizeUrl")}>
          {(field) => <Input {...field} type="url" size="small" autoComplete="off" placeholder="https://" />}
        </FormField>
        <FormField name="oauth_token_url" label={t("accounts.oauth.tokenUrl")}>
          {(field) => <Input {...field} type="url" size="small" autoComplete="off" placeholder="https://" />}
        </FormField>
      </div>
      <FormField name="oauth_scopes" label={t("accounts.oauth.scopes")} optional hint={t("accounts.oauth.scopesHint")}>
        {(field) => <Input {...field} size="small" autoComplete="off" />}
      </FormField>
    </>
  )
}
