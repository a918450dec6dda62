import { zodResolver } from "@hookform/resolvers/zod"
import { Button, Container, Heading, Input, Select, Text, toast } from "@medusajs/ui"
import { Controller, useForm, type UseFormReturn } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { z } from "zod"
import { ApiErrorAlert } from "../../../../../components/api-error-alert"
import { FormField } from "../../../../../components/form-field"
import { useUpdateSettings, type SettingsInput } from "../../../../../lib/api/settings"
import { MailerApiError } from "../../../../../lib/client"
import type { MailerSettings } from "../../../../../lib/types"
import { LayoutSection } from "./layout-section"
import { toastApiError } from "../../../../../lib/toast-error"

// Messages are translation keys under "settings.errors".
const url = z
  .string()
  .trim()
  .refine((value) => value === "" || /^https?:\/\/[^\s]+$/i.test(value), "url")
const generalSchema = z.object({
  default_locale: z.string().trim().min(2, "locale").max(10, "locale"),
  log_retention_days: z.number({ error: "retention" }).int("retention").min(1, "retention").max(3650, "retention"),
  storefront_url: url,
  admin_url: url,
  shop_country_code: z.string().trim().refine((value) => value === "" || /^[A-Za-z]{2}$/.test(value), "country"),
  tax_note: z.string().trim().max(500, "taxNote"),
})
type GeneralValues = z.infer<typeof generalSchema>
const FIELDS = ["default_locale", "log_retention_days", "storefront_url", "admin_url", "shop_country_code", "tax_note"] as const

/**
 * The settings page: the general block here, the layout in its own section with its own save.
 * Each is keyed by its stored values: after a save it starts from what is stored, and saving
 * one never throws away unsaved edits in the other.
 */
export const SettingsForm = ({ settings }: { settings: MailerSettings }) => (
  <>
    <GeneralSection key={FIELDS.map((field) => String(settings[field])).join("|")} settings={settings} />
    <LayoutSection key={settings.layout_html ?? ""} settings={settings} />
  </>
)

const GeneralSection = ({ settings }: { settings: MailerSettings }) => {
  const { t } = useTranslation("mailer")
  const update = useUpdateSettings()
  const form = useForm<GeneralValues>({
    resolver: zodResolver(generalSchema),
    defaultValues: {
      default_locale: settings.default_locale,
      log_retention_days: settings.log_retention_days,
      storefront_url: settings.storefront_url ?? "",
      admin_url: settings.admin_url ?? "",
      shop_country_code: settings.shop_country_code ?? "",
      tax_note: settings.tax_note ?? "",
    },
  })
  const onSubmit = form.handleSubmit(async (values) => {
    const body: SettingsInput = {
      ...values,
      storefront_url: values.storefront_url || null,
      admin_url: values.admin_url || null,
      shop_country_code: values.shop_country_code || null,
      tax_note: values.tax_note || null,
    }
    try {
      await update.mutateAsync(body)
      toast.success(t("settings.saved"))
    } catch (err) {
      if (err instanceof MailerApiError) {
        for (const problem of err.errors) {
          const field = FIELDS.find((name) => name === problem.field)
          if (field) form.setError(field, { message: problem.message })
        }
      }
      toastApiError(err)
    }
  })

  return (
    <Container className="divide-y p-0" data-testid="mailer-settings-general">
      <form onSubmit={onSubmit} noValidate>
        <div className="flex flex-col gap-y-1 px-6 py-4">
          <Heading level="h2">{t("settings.general.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("settings.general.description")}
          </Text>
        </div>
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
          <GeneralFields form={form} />
          {update.error && <ApiErrorAlert error={update.error} className="md:col-span-2" />}
        </div>
        <div className="flex justify-end border-t px-6 py-4">
          <Button type="submit" size="small" isLoading={update.isPending} disabled={!form.formState.isDirty} data-testid="mailer-settings-general-save">
            {t("actions.save")}
          </Button>
        </div>
      </form>
    </Container>
  )
}

/** Language, retention and the two links; errors are translation keys or server sentences. */
const GeneralFields = ({ form }: { form: UseFormReturn<GeneralValues> }) => {
  const { t } = useTranslation("mailer")
  const error = (name: keyof GeneralValues) => {
    const message = form.formState.errors[name]?.message
    return message ? t(`settings.errors.${message}`, { defaultValue: message }) : undefined
  }
  return (
    <>
      <FormField htmlFor="mailer-settings-default_locale" label={t("settings.fields.default_locale")} hint={t("settings.hints.default_locale")} error={error("default_locale")}>
        <Controller
          control={form.control}
          name="default_locale"
          render={({ field }) => <LocaleSelect value={field.value} onChange={field.onChange} />}
        />
      </FormField>
      <FormField htmlFor="mailer-settings-log_retention_days" label={t("settings.fields.log_retention_days")} hint={t("settings.hints.log_retention_days")} error={error("log_retention_days")}>
        <Input id="mailer-settings-log_retention_days" type="number" min={1} max={3650} {...form.register("log_retention_days", { valueAsNumber: true })} />
      </FormField>
      <FormField htmlFor="mailer-settings-storefront_url" label={t("settings.fields.storefront_url")} hint={t("settings.hints.storefront_url")} error={error("storefront_url")}>
        <Input id="mailer-settings-storefront_url" type="url" placeholder="https://shop.example.com" {...form.register("storefront_url")} />
      </FormField>
      <FormField htmlFor="mailer-settings-admin_url" label={t("settings.fields.admin_url")} hint={t("settings.hints.admin_url")} error={error("admin_url")}>
        <Input id="mailer-settings-admin_url" type="url" placeholder="https://admin.example.com/app" {...form.register("admin_url")} />
      </FormField>
      <FormField htmlFor="mailer-settings-shop_country_code" label={t("settings.fields.shop_country_code")} hint={t("settings.hints.shop_country_code")} error={error("shop_country_code")}>
        <Input id="mailer-settings-shop_country_code" maxLength={2} placeholder="DE" autoComplete="off" {...form.register("shop_country_code")} />
      </FormField>
      <FormField htmlFor="mailer-settings-tax_note" label={t("settings.fields.tax_note")} hint={t("settings.hints.tax_note")} error={error("tax_note")}>
        <Input id="mailer-settings-tax_note" placeholder={t("settings.placeholders.tax_note")} {...form.register("tax_note")} />
      </FormField>
    </>
  )
}

/** German and English ship with the plugin; a stored regional code (de-DE) stays selectable. */
const LocaleSelect = ({ value, onChange }: { value: string; onChange: (value: string) => void }) => {
  const { t } = useTranslation("mailer")
  const options = ["de", "en"].includes(value) ? ["de", "en"] : ["de", "en", value]
  return (
    <Select value={value} onValueChange={onChange}>
      <Select.Trigger id="mailer-settings-default_locale">
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {options.map((code) => (
          <Select.Item key={code} value={code}>
            {t(`languages.${code}`, { defaultValue: code })}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
