import { Button, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { ApiErrorAlert } from "./api-error-alert"

/**
 * Loading, error and empty states for a react-query result, the same on every screen.
 * Renders children only when data is there.
 */
export const QueryState = ({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: { isLoading: boolean; error: unknown; refetch: () => unknown }
  isEmpty?: boolean
  empty?: ReactNode
  children: ReactNode
}) => {
  const { t } = useTranslation("mailer")
  if (query.isLoading) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="mailer-loading">
        {t("states.loading")}
      </Text>
    )
  }
  if (query.error) {
    return (
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small">{t("states.error")}</Text>
        <ApiErrorAlert error={query.error} />
        <div>
          <Button size="small" variant="secondary" onClick={() => query.refetch()}>
            {t("actions.retry")}
          </Button>
        </div>
      </div>
    )
  }
  if (isEmpty) {
    return <div className="px-6 py-4">{empty ?? <Text size="small" className="text-ui-fg-subtle">{t("states.empty")}</Text>}</div>
  }
  return <>{children}</>
}
