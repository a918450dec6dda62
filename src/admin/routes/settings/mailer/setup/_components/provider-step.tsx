import { Button, Container, Heading, InlineTip, RadioGroup, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { QueryState } from "../../../../../components/query-state"
import { usePresets } from "../../../../../lib/api/accounts"
import type { MailerPreset } from "../../../../../lib/types"

/** Step 1: the provider. A preset brings host, port, security and what to know about it. */
export const ProviderStep = ({
  selected,
  onNext,
}: {
  selected: MailerPreset | null
  onNext: (preset: MailerPreset) => void
}) => {
  const { t } = useTranslation("mailer")
  const presets = usePresets()
  const list = presets.data?.presets ?? []
  const [chosenId, setChosenId] = useState(selected?.id ?? "")
  const chosen = list.find((preset) => preset.id === chosenId) ?? null

  return (
    <Container className="divide-y p-0" data-testid="mailer-setup-provider">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">{t("overview.setup.provider.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("overview.setup.provider.description")}
        </Text>
      </div>
      <QueryState query={presets} isEmpty={list.length === 0}>
        <div className="flex flex-col gap-y-4 px-6 py-4">
          <RadioGroup
            value={chosenId}
            onValueChange={setChosenId}
            className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3"
            aria-label={t("overview.setup.provider.title")}
          >
            {list.map((preset) => (
              <RadioGroup.ChoiceBox
                key={preset.id}
                value={preset.id}
                label={presetName(preset, t)}
                description={preset.host ? `${preset.host}:${preset.port}` : t("overview.setup.provider.customDescription")}
                data-testid={`mailer-preset-${preset.id}`}
              />
            ))}
          </RadioGroup>
          {chosen && <PresetNotes preset={chosen} />}
        </div>
      </QueryState>
      <div className="flex justify-end px-6 py-4">
        <Button size="small" disabled={!chosen} onClick={() => chosen && onNext(chosen)} data-testid="mailer-setup-provider-next">
          {t("actions.next")}
        </Button>
      </div>
    </Container>
  )
}

/** The preset's notes (e.g. "Gmail needs an app password") and its provider's help page. */
export const PresetNotes = ({ preset }: { preset: MailerPreset }) => {
  const { t } = useTranslation("mailer")
  return (
    <InlineTip label={presetName(preset, t)} data-testid="mailer-preset-notes">
      {preset.notes}
      {/* Microsoft 365 and Gmail: which sign-in the provider wants, and why. */}
      {preset.auth_note && <> {preset.auth_note}</>}
      {preset.docs && (
        <>
          {" "}
          <a href={preset.docs} target="_blank" rel="noreferrer" className="text-ui-fg-base font-medium underline underline-offset-2">
            {t("overview.setup.provider.docs")}
          </a>
        </>
      )}
    </InlineTip>
  )
}

/** "Custom" is the one preset name that needs translating; provider names are names. */
export const presetName = (preset: MailerPreset, t: (key: string) => string) =>
  preset.id === "custom" ? t("overview.setup.provider.custom") : preset.name
