import { Button, Input, Text } from "@medusajs/ui"
import { useFormContext, useWatch } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { FormField } from "./form-field"
import type { AccountFormValues } from "./form-schema"

/**
 * The OAuth2 client secret, write-only like the password (password-field.tsx): the API only
 * says whether one is stored. Empty keeps it; removing it is an explicit action (null on save).
 */
export function ClientSecretField({ stored }: { stored: boolean }) {
  const { t } = useTranslation("mailer")
  const { control, setValue } = useFormContext<AccountFormValues>()
  const clear = useWatch({ control, name: "clear_oauth_client_secret" })
  const setClear = (value: boolean) => {
    setValue("clear_oauth_client_secret", value, { shouldDirty: true })
    if (value) setValue("oauth_client_secret", "", { shouldDirty: true })
  }
  return (
    <FormField
      name="oauth_client_secret"
      label={t("accounts.oauth.clientSecret")}
      hint={stored && !clear ? t("accounts.oauth.clientSecretStored") : undefined}
    >
      {(field) => (
        <div className="flex flex-col gap-y-2">
          <Input
            {...field}
            type="password"
            size="small"
            autoComplete="new-password"
            disabled={clear}
            placeholder={stored && !clear ? t("accounts.form.secretUnchanged") : undefined}
          />
          {stored && !clear && (
            <div>
              <Button type="button" size="small" variant="transparent" onClick={() => setClear(true)} data-testid="mailer-account-remove-client-secret">
                {t("accounts.oauth.removeClientSecret")}
              </Button>
            </div>
          )}
          {clear && (
            <div className="flex items-center gap-x-2">
              <Text size="small" className="text-ui-fg-error">
                {t("accounts.oauth.clientSecretWillBeRemoved")}
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
