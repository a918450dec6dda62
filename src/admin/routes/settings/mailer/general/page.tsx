import { ArrowLeft } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { QueryState } from "../../../../components/query-state"
import { useSettings } from "../../../../lib/api/settings"
import { MAILER_PATHS } from "../../../../lib/paths"
import { SettingsForm } from "./_components/settings-form"

/** Settings → E-Mail → Settings: language, links, log retention and the mail layout. */
const MailerGeneralSettingsPage = () => {
  const { t } = useTranslation("mailer")
  const settings = useSettings()
  return (
    <div className="flex flex-col gap-y-3" data-testid="mailer-general">
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
          <Heading level="h1">{t("settings.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("settings.description")}
          </Text>
        </div>
      </Container>
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
