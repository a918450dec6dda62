import { ChevronRightMini, CogSixTooth, DocumentText, Envelope, QueueList } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import type { ComponentType } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { MAILER_PATHS } from "../../../../lib/paths"

const SECTIONS: { key: "accounts" | "templates" | "log" | "general"; Icon: ComponentType<{ className?: string }> }[] = [
  { key: "accounts", Icon: Envelope },
  { key: "templates", Icon: DocumentText },
  { key: "log", Icon: QueueList },
  { key: "general", Icon: CogSixTooth },
]

/** The four sections of the plugin's settings, one row each. */
export const SectionLinks = () => {
  const { t } = useTranslation("mailer")
  return (
    <Container className="divide-y p-0" data-testid="mailer-overview-sections">
      <div className="px-6 py-4">
        <Heading level="h2">{t("overview.sections.title")}</Heading>
      </div>
      {SECTIONS.map(({ key, Icon }) => (
        <Link
          key={key}
          to={MAILER_PATHS[key]}
          className="hover:bg-ui-bg-base-hover focus-visible:bg-ui-bg-base-hover flex items-center gap-x-4 px-6 py-4 outline-none"
          data-testid={`mailer-overview-link-${key}`}
        >
          <Icon className="text-ui-fg-subtle shrink-0" />
          <div className="flex flex-1 flex-col">
            <Text size="small" weight="plus" leading="compact">
              {t(`overview.sections.${key}.title`)}
            </Text>
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {t(`overview.sections.${key}.description`)}
            </Text>
          </div>
          <ChevronRightMini className="text-ui-fg-muted shrink-0" />
        </Link>
      ))}
    </Container>
  )
}
