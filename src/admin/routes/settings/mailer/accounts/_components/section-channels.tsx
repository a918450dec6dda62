import { Checkbox, Input, Label, Switch, Text } from "@medusajs/ui"
import { useFormContext, useWatch } from "react-hook-form"
import { useTranslation } from "react-i18next"
import type { SalesChannelOption } from "../../../../../lib/api/accounts"
import { FormField, FormSection } from "./form-field"
import type { AccountFormValues } from "./form-schema"

/** Which sales channels' mail this account sends (none: the default account takes over). */
export function SalesChannelsSection({ channels, loading }: { channels: SalesChannelOption[]; loading: boolean }) {
  const { t } = useTranslation("mailer")
  const { control, setValue } = useFormContext<AccountFormValues>()
  const selected = useWatch({ control, name: "sales_channel_ids" })
  const toggle = (id: string, checked: boolean) => {
    const next = checked ? [...selected, id] : selected.filter((value) => value !== id)
    setValue("sales_channel_ids", next, { shouldDirty: true })
  }
  return (
    <FormSection
      title={t("accounts.sections.salesChannels")}
      description={t("accounts.sections.salesChannelsDescription")}
      testId="mailer-account-section-sales-channels"
    >
      {loading && <Text size="small" className="text-ui-fg-subtle">{t("states.loading")}</Text>}
      {!loading && !channels.length && (
        <Text size="small" className="text-ui-fg-subtle">{t("accounts.form.noSalesChannels")}</Text>
      )}
      <div className="grid grid-cols-1 gap-2 md:grid-cols-2" role="group" aria-label={t("accounts.sections.salesChannels")}>
        {channels.map((channel) => {
          const id = `mailer-account-channel-${channel.id}`
          return (
            <div key={channel.id} className="flex items-center gap-x-2">
              <Checkbox id={id} checked={selected.includes(channel.id)} onCheckedChange={(checked) => toggle(channel.id, checked === true)} />
              <Label htmlFor={id} size="small">
                {channel.name}
              </Label>
            </div>
          )
        })}
      </div>
    </FormSection>
  )
}

/** Test mode: every mail goes to the test recipient (or the sender address) only. */
export function TestModeSection() {
  const { t } = useTranslation("mailer")
  const { control } = useFormContext<AccountFormValues>()
  const testMode = useWatch({ control, name: "test_mode" })
  return (
    <FormSection
      title={t("accounts.sections.testMode")}
      description={t("accounts.sections.testModeDescription")}
      testId="mailer-account-section-test-mode"
    >
      <FormField name="test_mode" label={t("accounts.fields.testMode")} hint={t("accounts.hints.testMode")}>
        {({ value, onChange, id, ref }) => (
          <Switch id={id} ref={ref} checked={value} onCheckedChange={onChange} data-testid="mailer-account-test-mode" />
        )}
      </FormField>
      {testMode && (
        <FormField name="test_recipient" label={t("accounts.fields.testRecipient")} optional hint={t("accounts.hints.testRecipient")}>
          {(field) => <Input {...field} type="email" size="small" />}
        </FormField>
      )}
    </FormSection>
  )
}
