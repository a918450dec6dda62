import { ArrowLeft, ArrowUturnLeft, EnvelopeSolid } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { MAILER_PATHS } from "../../../../../lib/paths"

const KIND_COLOR = { own: "green", inactive: "orange", default: "grey" } as const

/** Where the editor is (event, language, channel), what applies there, and its actions. */
export const EditorHeader = ({
  title,
  description,
  kind,
  channelName,
  eventEnabled,
  isDirty,
  canReset,
  saveDisabled,
  saving,
  resetting,
  onSave,
  onReset,
  onTestMail,
}: {
  title: string
  description: string
  kind: "own" | "inactive" | "default"
  channelName: string | null
  eventEnabled: boolean
  isDirty: boolean
  canReset: boolean
  saveDisabled: boolean
  saving: boolean
  resetting: boolean
  onSave: () => void
  onReset: () => void
  onTestMail: () => void
}) => {
  const { t } = useTranslation("mailer")
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <Link to={MAILER_PATHS.templates} className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base flex items-center gap-x-1 self-start" data-testid="mailer-template-back">
        <ArrowLeft />
        {t("templates.title")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1" data-testid="mailer-template-title">
            {title}
          </Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {description}
          </Text>
          <div className="flex flex-wrap gap-2 pt-1">
            <Badge size="2xsmall" color={KIND_COLOR[kind]} data-testid="mailer-template-kind">
              {t(`templates.kind.${kind}`)}
            </Badge>
            <Badge size="2xsmall" color="blue">
              {channelName ? t("templates.editor.channel", { name: channelName }) : t("templates.editor.allChannels")}
            </Badge>
            {!eventEnabled && (
              <Badge size="2xsmall" color="orange" data-testid="mailer-template-event-off">
                {t("templates.editor.eventOff")}
              </Badge>
            )}
            {isDirty && (
              <Badge size="2xsmall" color="orange" data-testid="mailer-template-dirty">
                {t("templates.editor.unsaved")}
              </Badge>
            )}
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button size="small" variant="secondary" onClick={onTestMail} data-testid="mailer-template-test-open">
            <EnvelopeSolid />
            {t("templates.test.open")}
          </Button>
          {canReset && (
            <Button size="small" variant="secondary" onClick={onReset} isLoading={resetting} data-testid="mailer-template-reset">
              <ArrowUturnLeft />
              {channelName ? t("templates.reset.channelButton") : t("templates.reset.button")}
            </Button>
          )}
          <Button size="small" onClick={onSave} disabled={saveDisabled} isLoading={saving} data-testid="mailer-template-save">
            {t("actions.save")}
          </Button>
        </div>
      </div>
    </Container>
  )
}
