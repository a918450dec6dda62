import { useState } from "react"
import { useTranslation } from "react-i18next"
import type { AccountSaved } from "../../../../lib/api/accounts"
import type { MailerPreset } from "../../../../lib/types"
import { DoneStep } from "./_components/done-step"
import { LoginStep } from "./_components/login-step"
import { ProviderStep } from "./_components/provider-step"
import { StepIndicator, type SetupStep } from "./_components/step-indicator"
import { SectionPageHeader } from "../../../../components/section-page-header"

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
      <SectionPageHeader title={t("overview.setup.title")} description={t("overview.setup.description")}>
        <StepIndicator current={step} />
      </SectionPageHeader>
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
