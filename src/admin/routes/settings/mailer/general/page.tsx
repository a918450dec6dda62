import { useTranslation } from "react-i18next"
import { QueryState } from "../../../../components/query-state"
import { useSettings } from "../../../../lib/api/settings"
import { SettingsForm } from "./_components/settings-form"
import { SectionPageHeader } from "../../../../components/section-page-header"

/** Settings → E-Mail → Settings: language, links, log retention and the mail layout. */
const MailerGeneralSettingsPage = () => {
  const { t } = useTranslation("mailer")
  const settings = useSettings()
  return (
    <div className="flex flex-col gap-y-3" data-testid="mailer-general">
      <SectionPageHeader title={t("settings.title")} description={t("settings.description")} />
      <QueryState query={settings}>
        {settings.data && <SettingsForm settings={settings.data.settings} />}
      </QueryState>
    </div>
  )
}

const Breadcrumb = () => {
  const { t } = useTranslation("mailer")
  return <>{t("settings.breadcrumb")}</>
}

export const handle = { breadcrumb: () => <Breadcrumb /> }

export default MailerGeneralSettingsPage
