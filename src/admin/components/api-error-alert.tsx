import { Alert, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { MailerApiError } from "../lib/client"

/**
 * An API error as the merchant should see it: the sentence, what to do (hint) and, when the
 * mail server answered, its reply. Field problems with a line number are listed below.
 */
export const ApiErrorAlert = ({ error, className }: { error: unknown; className?: string }) => {
  const { t } = useTranslation("mailer")
  if (!error) return null
  const apiError = error instanceof MailerApiError ? error : null
  const message = error instanceof Error ? error.message : String(error)
  return (
    <Alert variant="error" className={className} data-testid="mailer-api-error">
      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          {message}
        </Text>
        {apiError?.hint && (
          <Text size="small">
            <span className="font-medium">{t("error.hint")}: </span>
            {apiError.hint}
          </Text>
        )}
        {apiError?.errors
          .filter((problem) => problem.message && problem.message !== message)
          .map((problem, index) => (
            <Text size="small" key={index}>
              {problem.field}
              {problem.line ? ` (${problem.line}:${problem.column ?? 1})` : ""}: {problem.message}
            </Text>
          ))}
        {apiError?.detail && (
          <Text size="xsmall" className="text-ui-fg-subtle font-mono break-all">
            {t("error.detail")}: {apiError.detail}
          </Text>
        )}
      </div>
    </Alert>
  )
}
