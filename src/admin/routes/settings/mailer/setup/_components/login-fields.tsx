import { Input, Select, Switch, Text } from "@medusajs/ui"
import { Controller, type UseFormReturn } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { FormField } from "../../../../../components/form-field"
import type { LoginValues } from "./login-schema"

type Form = UseFormReturn<LoginValues>

const CLIENT_ERRORS = new Set(["required", "tooLong", "email", "host", "port"])

/** A field's error: our own checks are translation keys, the server's are sentences already. */
export function useFieldError(form: Form) {
  const { t } = useTranslation("mailer")
  return (name: keyof LoginValues) => {
    const message = form.formState.errors[name]?.message
    if (!message) return undefined
    return CLIENT_ERRORS.has(message) ? t(`overview.setup.errors.${message}`) : message
  }
}

const Group = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <fieldset>
    <legend className="txt-compact-medium-plus text-ui-fg-base mb-4">{title}</legend>
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">{children}</div>
  </fieldset>
)

export const SenderFields = ({ form }: { form: Form }) => {
  const { t } = useTranslation("mailer")
  const error = useFieldError(form)
  return (
    <Group title={t("overview.setup.login.senderGroup")}>
      <FormField htmlFor="mailer-setup-sender_name" label={t("overview.setup.fields.sender_name")} hint={t("overview.setup.hints.sender_name")} error={error("sender_name")}>
        <Input id="mailer-setup-sender_name" autoComplete="organization" {...form.register("sender_name")} />
      </FormField>
      <FormField htmlFor="mailer-setup-sender_email" label={t("overview.setup.fields.sender_email")} error={error("sender_email")}>
        <Input id="mailer-setup-sender_email" type="email" autoComplete="email" {...form.register("sender_email")} />
      </FormField>
      <FormField htmlFor="mailer-setup-name" label={t("overview.setup.fields.name")} hint={t("overview.setup.hints.name")} error={error("name")}>
        <Input id="mailer-setup-name" {...form.register("name")} />
      </FormField>
    </Group>
  )
}

export const LoginFields = ({ form }: { form: Form }) => {
  const { t } = useTranslation("mailer")
  const error = useFieldError(form)
  if (!form.watch("auth_required")) return null
  return (
    <Group title={t("overview.setup.login.loginGroup")}>
      <FormField htmlFor="mailer-setup-username" label={t("overview.setup.fields.username")} hint={t("overview.setup.hints.username")} error={error("username")}>
        <Input id="mailer-setup-username" autoComplete="username" placeholder={form.watch("sender_email")} {...form.register("username")} />
      </FormField>
      <FormField htmlFor="mailer-setup-password" label={t("overview.setup.fields.password")} hint={t("overview.setup.hints.password")} error={error("password")}>
        <Input id="mailer-setup-password" type="password" autoComplete="new-password" {...form.register("password")} />
      </FormField>
    </Group>
  )
}

export const ServerFields = ({ form }: { form: Form }) => {
  const { t } = useTranslation("mailer")
  const error = useFieldError(form)
  return (
    <Group title={t("overview.setup.login.serverGroup")}>
      <FormField htmlFor="mailer-setup-host" label={t("overview.setup.fields.host")} error={error("host")}>
        <Input id="mailer-setup-host" {...form.register("host")} />
      </FormField>
      <FormField htmlFor="mailer-setup-port" label={t("overview.setup.fields.port")} error={error("port")}>
        <Input id="mailer-setup-port" type="number" min={1} max={65535} {...form.register("port", { valueAsNumber: true })} />
      </FormField>
      <FormField htmlFor="mailer-setup-security" label={t("overview.setup.fields.security")} hint={t("overview.setup.hints.security")}>
        <Controller
          control={form.control}
          name="security"
          render={({ field }) => (
            <Select value={field.value} onValueChange={field.onChange}>
              <Select.Trigger id="mailer-setup-security" ref={field.ref}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {(["ssl", "starttls", "none"] as const).map((value) => (
                  <Select.Item key={value} value={value}>
                    {t(`overview.setup.security.${value}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        />
      </FormField>
      <Controller
        control={form.control}
        name="auth_required"
        render={({ field }) => (
          <div className="flex items-start gap-x-3 pt-6">
            <Switch id="mailer-setup-auth_required" checked={field.value} onCheckedChange={field.onChange} />
            <div className="flex flex-col">
              <label htmlFor="mailer-setup-auth_required" className="txt-compact-small-plus">
                {t("overview.setup.fields.auth_required")}
              </label>
              <Text size="small" className="text-ui-fg-subtle">
                {t("overview.setup.hints.auth_required")}
              </Text>
            </div>
          </div>
        )}
      />
    </Group>
  )
}
