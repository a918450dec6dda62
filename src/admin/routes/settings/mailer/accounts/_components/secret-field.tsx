import { Button, Input, Text } from "@medusajs/ui"
import { useFormContext, useWatch } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { FormField } from "./form-field"
import type { AccountFormValues } from "./form-schema"

/** The form's write-only secrets and the flag that removes each on save. */
const SECRETS = {
  password: "clear_password",
  oauth_client_secret: "clear_oauth_client_secret",
} as const

export interface SecretFieldTexts {
  label: string
  storedHint: string
  unchanged: string
  remove: string
  willBeRemoved: string
}

/**
 * A write-only secret (password, OAuth2 client secret): the API only says whether one is
 * stored. An empty field keeps it ("unchanged" placeholder); removing it is an explicit action
 * that sends null on save.
 */
export function SecretField({ name, stored, texts, testId }: {
  name: keyof typeof SECRETS
  stored: boolean
  texts: SecretFieldTexts
  /** data-testid stem: `mailer-account-remove-<testId>` and `mailer-account-<testId>-removed`. */
  testId: string
}) {
  const { t } = useTranslation("mailer")
  const { control, setValue } = useFormContext<AccountFormValues>()
  const clearName = SECRETS[name]
  const clear = useWatch({ control, name: clearName })
  const setClear = (value: boolean) => {
    setValue(clearName, value, { shouldDirty: true })
    if (value) setValue(name, "", { shouldDirty: true })
  }
  return (
    <FormField name={name} label={texts.label} hint={stored && !clear ? texts.storedHint : undefined}>
      {(field) => (
        <div className="flex flex-col gap-y-2">
          <Input
            {...field}
            type="password"
            size="small"
            autoComplete="new-password"
            disabled={clear}
            placeholder={stored && !clear ? texts.unchanged : undefined}
          />
          {stored && !clear && (
            <div>
              <Button type="button" size="small" variant="transparent" onClick={() => setClear(true)} data-testid={`mailer-account-remove-${testId}`}>
                {texts.remove}
              </Button>
            </div>
          )}
          {clear && (
            <div className="flex items-center gap-x-2" data-testid={`mailer-account-${testId}-removed`}>
              <Text size="small" className="text-ui-fg-error">
                {texts.willBeRemoved}
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
