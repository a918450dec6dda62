import { Button, Input, Text } from "@medusajs/ui"
import { useFormContext, useWatch } from "react-hook-form"
import { useTranslation } from "react-i18next"
import type { MailerAccount } from "../../../../../lib/types"
import { FormField } from "./form-field"
import type { AccountFormValues } from "./form-schema"

/**
 * The password is write-only: the API never returns it. An empty field keeps the stored one
 * ("unchanged" placeholder); removing it is an explicit action that sends null on save.
 */
export function PasswordField({ account }: { account?: MailerAccount }) {
  const { t } = useTranslation("mailer")
  const { control, setValue } = useFormContext<AccountFormValues>()
  const clear = useWatch({ control, name: "clear_password" })
  const stored = !!account?.has_password
  const setClear = (value: boolean) => {
    setValue("clear_password", value, { shouldDirty: true })
    if (value) setValue("password", "", { shouldDirty: true })
  }
  return (
    <FormField
      name="password"
      label={t("accounts.fields.password")}
      hint={stored && !clear ? t("accounts.hints.passwordStored") : undefined}
    >
      {(field) => (
        <div className="flex flex-col gap-y-2">
          <Input
            {...field}
            type="password"
            size="small"
            autoComplete="new-password"
            disabled={clear}
            placeholder={stored && !clear ? t("accounts.form.passwordUnchanged") : undefined}
          />
          {stored && !clear && (
            <div>
              <Button type="button" size="small" variant="transparent" onClick={() => setClear(true)} data-testid="mailer-account-remove-password">
                {t("accounts.actions.removePassword")}
              </Button>
            </div>
          )}
          {clear && (
            <div className="flex items-center gap-x-2" data-testid="mailer-account-password-removed">
              <Text size="small" className="text-ui-fg-error">
                {t("accounts.form.passwordWillBeRemoved")}
              </Text>
              <Button type="button" size="small" variant="transparent" onClick={() => setClear(false)}>
                {t("accounts.actions.undo")}
              </Button>
            </div>
          )}
        </div>
      )}
    </FormField>
  )
}
