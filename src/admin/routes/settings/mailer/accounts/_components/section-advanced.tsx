import { Button, Input, Text, Textarea } from "@medusajs/ui"
import { useFormContext, useWatch } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { SentToday } from "../../../../../components/sent-today"
import type { MailerAccount } from "../../../../../lib/types"
import { DkimDnsPanel } from "./dkim-dns-panel"
import { FormField, FormSection } from "./form-field"
import type { AccountFormValues } from "./form-schema"

/** Sending pace: batch size, pause between batches, daily quota (what the provider allows). */
export function LimitsSection({ account }: { account?: MailerAccount }) {
  const { t } = useTranslation("mailer")
  const fields = [
    ["rate_limit_messages", "rateLimitMessages"],
    ["rate_limit_pause_ms", "rateLimitPauseMs"],
    ["daily_quota", "dailyQuota"],
  ] as const
  return (
    <FormSection
      title={t("accounts.sections.limits")}
      description={t("accounts.sections.limitsDescription")}
      collapsible
      fields={fields.map(([name]) => name)}
      testId="mailer-account-section-limits"
    >
      {account && <SentToday account={account} className="mb-4" />}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        {fields.map(([name, key]) => (
          <FormField key={name} name={name} label={t(`accounts.fields.${key}`)} optional hint={t(`accounts.hints.${key}`)}>
            {(field) => <Input {...field} size="small" inputMode="numeric" />}
          </FormField>
        ))}
      </div>
    </FormSection>
  )
}

/** DKIM signing; the private key is write-only like the password. */
export function DkimSection({ account }: { account?: MailerAccount }) {
  const { t } = useTranslation("mailer")
  const { control, setValue } = useFormContext<AccountFormValues>()
  const clear = useWatch({ control, name: "clear_dkim_private_key" })
  const stored = !!account?.has_dkim_private_key
  const setClear = (value: boolean) => {
    setValue("clear_dkim_private_key", value, { shouldDirty: true })
    if (value) setValue("dkim_private_key", "", { shouldDirty: true })
  }
  return (
    <FormSection
      title={t("accounts.sections.dkim")}
      description={t("accounts.sections.dkimDescription")}
      collapsible
      fields={["dkim_domain", "dkim_selector", "dkim_private_key"]}
      testId="mailer-account-section-dkim"
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField name="dkim_domain" label={t("accounts.fields.dkimDomain")} optional>
          {(field) => <Input {...field} size="small" placeholder="muster-shop.de" />}
        </FormField>
        <FormField name="dkim_selector" label={t("accounts.fields.dkimSelector")} optional>
          {(field) => <Input {...field} size="small" placeholder="mail" />}
        </FormField>
      </div>
      <FormField
        name="dkim_private_key"
        label={t("accounts.fields.dkimPrivateKey")}
        optional
        hint={stored && !clear ? t("accounts.hints.dkimKeyStored") : t("accounts.hints.dkimKey")}
      >
        {(field) => (
          <Textarea
            {...field}
            rows={4}
            className="font-mono"
            disabled={clear}
            spellCheck={false}
            placeholder={stored && !clear ? t("accounts.form.secretUnchanged") : "-----BEGIN PRIVATE KEY-----"}
          />
        )}
      </FormField>
      {stored && (
        <div className="flex items-center gap-x-2">
          {clear && (
            <Text size="small" className="text-ui-fg-error">
              {t("accounts.form.dkimKeyWillBeRemoved")}
            </Text>
          )}
          <Button type="button" size="small" variant="transparent" onClick={() => setClear(!clear)} data-testid="mailer-account-remove-dkim-key">
            {clear ? t("accounts.actions.undo") : t("accounts.actions.removeDkimKey")}
          </Button>
        </div>
      )}
      {account && <DkimDnsPanel account={account} />}
    </FormSection>
  )
}
