import { Container, Heading, Input, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import type { MailerEventVariable } from "../../../../../lib/types"
import { isListSample, variableSnippet } from "./template-model"

/**
 * The event's variables with their sample values (`GET /events`). A click inserts the
 * Handlebars for it where the cursor last was (subject, HTML or text).
 */
export const VariableList = ({
  variables,
  onInsert,
  target,
}: {
  variables: MailerEventVariable[]
  onInsert: (snippet: string) => void
  target: string
}) => {
  const { t } = useTranslation("mailer")
  const [filter, setFilter] = useState("")
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase()
    return needle ? variables.filter((v) => v.path.toLowerCase().includes(needle)) : variables
  }, [variables, filter])

  return (
    <Container className="flex flex-col gap-y-3 p-0" data-testid="mailer-template-variables">
      <div className="flex flex-col gap-y-1 px-6 pt-4">
        <Heading level="h2">{t("templates.variables.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("templates.variables.help", { target })}
        </Text>
      </div>
      <div className="px-6">
        <Input
          size="small"
          type="text"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t("templates.variables.filter")}
          aria-label={t("templates.variables.filter")}
        />
      </div>
      <ul className="max-h-[420px] overflow-y-auto pb-3">
        {shown.map((variable) => {
          const isList = isListSample(variable.sample)
          return (
            <li key={variable.path}>
              <button
                type="button"
                className="hover:bg-ui-bg-base-hover flex w-full flex-col px-6 py-1.5 text-left"
                onClick={() => onInsert(variableSnippet(variable.path, isList))}
                data-testid="mailer-template-variable"
                data-path={variable.path}
              >
                <span className="txt-compact-small text-ui-fg-base break-all font-mono">{variable.path}</span>
                <span className="txt-compact-xsmall text-ui-fg-subtle truncate">
                  {isList ? t("templates.variables.list", { count: Number(String(variable.sample).slice(1, -1)) }) : String(variable.sample) || "–"}
                </span>
              </button>
            </li>
          )
        })}
        {!shown.length && (
          <li>
            <Text size="small" className="text-ui-fg-subtle px-6">
              {t("templates.variables.none")}
            </Text>
          </li>
        )}
      </ul>
    </Container>
  )
}
