import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { MAILER_PATHS } from "../../../../lib/paths"

const STEPS = ["provider", "login", "test", "sample"] as const

/** No account yet: what the first-run setup does, and the button that starts it. */
export const SetupCard = () => {
  const { t } = useTranslation("mailer")
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-6" data-testid="mailer-setup-card">
      <div className="flex flex-col gap-y-1">
        <Heading level="h2">{t("overview.setupCard.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("overview.setupCard.description")}
        </Text>
      </div>
      <ol className="flex flex-col gap-y-1 ps-5" style={{ listStyleType: "decimal" }}>
        {STEPS.map((step) => (
          <li key={step}>
            <Text size="small">{t(`overview.setupCard.steps.${step}`)}</Text>
          </li>
        ))}
      </ol>
      <div>
        <Button size="small" asChild>
          <Link to={MAILER_PATHS.setup} data-testid="mailer-setup-start">
            {t("overview.setupCard.start")}
          </Link>
        </Button>
      </div>
    </Container>
  )
}
