import { Button, InlineTip, Text } from "@medusajs/ui"
import { useFormContext, useWatch } from "react-hook-form"
import { useTranslation } from "react-i18next"
import type { MailerAccount, SmtpSecurity } from "../../../../../lib/types"
import { connectionHints, hintsFromWarnings, type ConnectionHint } from "./connection-hints"
import type { AccountFormValues } from "./form-schema"

/**
 * Port/security hints next to the connection fields. While the fields still hold the saved
 * values the API's `warnings` are shown (its wording); as soon as the merchant types, the same
 * rules run in the browser. Each hint offers the matching security with one click.
 */
export function ConnectionHints({ account }: { account?: MailerAccount }) {
  const { t } = useTranslation("mailer")
  const { control, setValue } = useFormContext<AccountFormValues>()
  const [host, port, security] = useWatch({ control, name: ["host", "port", "security"] })
  const portNumber = /^\d+$/.test(port.trim()) ? Number(port) : null
  const unchanged =
    !!account && account.host === host.trim() && account.port === portNumber && account.security === security
  const hints: ConnectionHint[] = unchanged
    ? hintsFromWarnings(account.warnings ?? [], account.port)
    : connectionHints({ host, port: portNumber, security })
  if (!hints.length) return null

  const apply = (suggestion: SmtpSecurity) =>
    setValue("security", suggestion, { shouldDirty: true, shouldValidate: true })

  return (
    <div className="flex flex-col gap-y-2" data-testid="mailer-account-connection-hints">
      {hints.map((hint) => (
        <InlineTip key={hint.code} variant="warning" label={t("accounts.hints.connectionTitle")} data-testid={`mailer-account-hint-${hint.code}`}>
          <div className="flex flex-col items-start gap-y-2">
            <Text size="small" as="span">
              {hint.message ?? t(`accounts.connectionHints.${hint.code}`, { defaultValue: hint.code })}
            </Text>
            {hint.suggestion && hint.suggestion !== security && (
              <Button
                type="button"
                size="small"
                variant="secondary"
                onClick={() => apply(hint.suggestion as SmtpSecurity)}
                data-testid="mailer-account-apply-security"
              >
                {t("accounts.actions.useSecurity", { security: t(`accounts.security.${hint.suggestion}`) })}
              </Button>
            )}
          </div>
        </InlineTip>
      ))}
    </div>
  )
}
