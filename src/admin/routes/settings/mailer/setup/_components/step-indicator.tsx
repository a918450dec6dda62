import { Text, clx } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

export type SetupStep = "provider" | "login" | "done"

const ORDER: SetupStep[] = ["provider", "login", "done"]

/** "1 Provider · 2 Sender and login · 3 Sample mail", the current step highlighted. */
export const StepIndicator = ({ current }: { current: SetupStep }) => {
  const { t } = useTranslation("mailer")
  return (
    <ol className="flex flex-wrap items-center gap-x-4 gap-y-1" aria-label={t("overview.setup.stepsLabel")}>
      {ORDER.map((step, index) => (
        <li key={step} aria-current={step === current ? "step" : undefined} data-testid={`mailer-setup-step-${step}`}>
          <Text
            size="small"
            weight={step === current ? "plus" : "regular"}
            className={clx(step === current ? "text-ui-fg-base" : "text-ui-fg-subtle")}
          >
            {index + 1}. {t(`overview.setup.steps.${step}`)}
          </Text>
        </li>
      ))}
    </ol>
  )
}
