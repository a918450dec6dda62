import { InlineTip, Input, Label, Select, Switch, Text } from "@medusajs/ui"
import { useState } from "react"
import { useFormContext, useWatch } from "react-hook-form"
import { useTranslation } from "react-i18next"
import type { MailerAccount, MailerPreset, OAuthProvider } from "../../../../../lib/types"
import { ConnectionHints } from "./connection-hints-view"
import { FormField, FormSection } from "./form-field"
import type { AccountFormValues } from "./form-schema"
import { LoginFields } from "./section-login"

/** Provider preset, server, port, security (with live hints), login. */
export function ConnectionSection({ account, presets }: { account?: MailerAccount; presets: MailerPreset[] }) {
  const { t } = useTranslation("mailer")
  const { control } = useFormContext<AccountFormValues>()
  const [authRequired, senderEmail] = useWatch({ control, name: ["auth_required", "sender_email"] })
  return (
    <FormSection
      title={t("accounts.sections.connection")}
      description={t("accounts.sections.connectionDescription")}
      testId="mailer-account-section-connection"
    >
      <FormField name="name" label={t("accounts.fields.name")} hint={t("accounts.hints.name")}>
        {(field) => <Input {...field} size="small" autoComplete="off" />}
      </FormField>
      <PresetPicker presets={presets} isNew={!account} />
      <FormField name="host" label={t("accounts.fields.host")}>
        {(field) => <Input {...field} size="small" placeholder="smtp.example.com" autoComplete="off" />}
      </FormField>
      <div className="grid grid-cols-2 gap-4">
        <FormField name="port" label={t("accounts.fields.port")}>
          {(field) => <Input {...field} size="small" inputMode="numeric" autoComplete="off" />}
        </FormField>
        <FormField name="security" label={t("accounts.fields.security")}>
          {({ onChange, value, id, ref, ...rest }) => (
            <Select value={value} onValueChange={onChange}>
              <Select.Trigger id={id} ref={ref} aria-invalid={rest["aria-invalid"]} data-testid="mailer-account-security">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {(["ssl", "starttls", "none"] as const).map((security) => (
                  <Select.Item key={security} value={security}>
                    {t(`accounts.security.${security}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        </FormField>
      </div>
      <ConnectionHints account={account} />
      <FormField name="auth_required" label={t("accounts.fields.authRequired")} hint={t("accounts.hints.authRequired")}>
        {({ value, onChange, id, ref }) => (
          <Switch id={id} ref={ref} checked={value} onCheckedChange={onChange} data-testid="mailer-account-auth" />
        )}
      </FormField>
      {authRequired && <LoginFields account={account} />}
      <FormField
        name="test_to"
        label={t("accounts.fields.testTo")}
        optional
        hint={t("accounts.hints.testTo")}
      >
        {(field) => <Input {...field} type="email" size="small" placeholder={senderEmail || undefined} />}
      </FormField>
    </FormSection>
  )
}

// Presets whose provider also signs in with OAuth2 (core/smtp/presets.ts ids).
const OAUTH_PROVIDER_OF_PRESET: Record<string, OAuthProvider> = { microsoft365: "microsoft", gmail: "google" }

/** Choosing a provider fills host, port and security and shows what to know about it. */
function PresetPicker({ presets, isNew }: { presets: MailerPreset[]; isNew: boolean }) {
  const { t } = useTranslation("mailer")
  const { setValue, getValues, control } = useFormContext<AccountFormValues>()
  const host = useWatch({ control, name: "host" })
  const [chosenId, setChosenId] = useState<string>()
  const matching = presets.find((preset) => preset.host && preset.host === host.trim())
  const selected = presets.find((preset) => preset.id === chosenId) ?? matching
  const apply = (presetId: string) => {
    const preset = presets.find((p) => p.id === presetId)
    if (!preset) return
    setChosenId(preset.id)
    const options = { shouldDirty: true, shouldValidate: true }
    if (preset.host) setValue("host", preset.host, options)
    if (preset.port) setValue("port", String(preset.port), options)
    setValue("security", preset.security, options)
    // Microsoft 365 and Gmail: the way the provider recommends comes first; a new account takes it
    // while no credentials of either way are typed (a saved account keeps its sign-in).
    const recommended = preset.auth_methods?.[0]
    if (isNew && recommended && !getValues("password") && !getValues("oauth_client_id")) setValue("auth_method", recommended, options)
    const provider = OAUTH_PROVIDER_OF_PRESET[preset.id]
    if (provider) setValue("oauth_provider", provider, options)
  }
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor="mailer-account-preset" size="small" weight="plus">
        {t("accounts.fields.preset")}
      </Label>
      <Select value={selected?.id ?? ""} onValueChange={apply}>
        <Select.Trigger id="mailer-account-preset" data-testid="mailer-account-preset">
          <Select.Value placeholder={t("accounts.form.presetPlaceholder")} />
        </Select.Trigger>
        <Select.Content>
          {presets.map((preset) => (
            <Select.Item key={preset.id} value={preset.id}>
              {preset.name}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
      {selected?.notes && (
        <InlineTip label={selected.name} data-testid="mailer-account-preset-notes">
          <Text size="small" as="span">
            {selected.notes}{" "}
          </Text>
          {selected.auth_note && (
            <Text size="small" as="span" data-testid="mailer-account-preset-auth-note">
              {selected.auth_note}{" "}
            </Text>
          )}
          {selected.docs && (
            <a href={selected.docs} target="_blank" rel="noreferrer" className="text-ui-fg-base font-medium underline underline-offset-2">
              {t("accounts.form.presetDocs")}
            </a>
          )}
        </InlineTip>
      )}
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("accounts.hints.preset")}
      </Text>
    </div>
  )
}
