import { ArrowLeft } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import type { AccountSaved } from "../../../../lib/api/accounts"
import { MAILER_PATHS } from "../../../../lib/paths"
import type { MailerPreset } from "../../../../lib/types"
import { DoneStep } from "./_components/done-step"
import { LoginStep } from "./_components/login-step"
import { ProviderStep } from "./_components/provider-step"
import { StepIndicator, type SetupStep } from "./_components/step-indicator"

/**
 * First-run setup: provider → sender and login → test and save → a sample order confirmation
 * to the merchant. Nothing is stored until the test mail went out.
 */
const MailerSetupPage = () => {
  const { t } = useTranslation("mailer")
  const [step, setStep] = useState<SetupStep>("provider")
  const [preset, setPreset] = useState<MailerPreset | null>(null)
  const [saved, setSaved] = useState<AccountSaved | null>(null)

  return (
    <div className="flex flex-col gap-y-3" data-testid="mailer-setup">
      <Container className="flex flex-col gap-y-3 px-6 py-4">
        <Link
          to={MAILER_PATHS.overview}
          className="text-ui-fg-subtle hover:text-ui-fg-base flex w-fit items-center gap-x-1 text-sm"
          data-testid="mailer-back-to-overview"
        >
          <ArrowLeft />
          {t("overview.backToOverview")}
        </Link>
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">{t("overview.setup.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("overview.setup.description")}
          </Text>
        </div>
        <StepIndicator current={step} />
      </Container>
      {step === "provider" && (
        <ProviderStep
          selected={preset}
          onNext={(chosen) => {
            setPreset(chosen)
            setStep("login")
          }}
        />
      )}
      {step === "login" && preset && (
        <LoginStep
          preset={preset}
          onBack={() => setStep("provider")}
          onSaved={(result) => {
            setSaved(result)
            setStep("done")
          }}
        />
      )}
      {step === "done" && saved && <DoneStep saved={saved} />}
    </div>
  )
}

const Breadcrumb = () => {
  const { t } = useTranslation("mailer")
  return <>{t("overview.setup.breadcrumb")}</>
}

export const handle = { breadcrumb: () => <Breadcrumb /> }

export default MailerSetupPage
