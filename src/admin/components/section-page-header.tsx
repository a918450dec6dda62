import { ArrowLeft } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { MAILER_PATHS } from "../lib/paths"

/** The head of a section page under Settings → E-Mail: the way back to the overview, title, description. */
export const SectionPageHeader = ({ title, description, children }: { title: string; description: string; children?: ReactNode }) => {
  const { t } = useTranslation("mailer")
  return (
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
        <Heading level="h1">{title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      </div>
      {children}
    </Container>
  )
}
