import { Container, Heading, Input, Label, Switch, Text } from "@medusajs/ui"
import type { RefObject } from "react"
import { useTranslation } from "react-i18next"
import { CodeEditor, type CodeEditorHandle } from "./code-editor"
import { marksFor, type Problem, type SourceField } from "./problem-list"
import type { TemplateSource } from "./use-template-editor"

export interface SourceRefs {
  subject: RefObject<HTMLInputElement>
  body_html: RefObject<CodeEditorHandle>
  body_text: RefObject<CodeEditorHandle>
}

/**
 * Subject, HTML (code editor) and the optional own text part. Without an own text part the
 * server generates it from the HTML; switching it on starts from that generated text.
 */
export const SourceFields = ({
  draft,
  onChange,
  problems,
  refs,
  onFocusField,
  generatedText,
}: {
  draft: TemplateSource
  onChange: (draft: TemplateSource) => void
  problems: Problem[]
  refs: SourceRefs
  onFocusField: (field: SourceField) => void
  generatedText: string
}) => {
  const { t } = useTranslation("mailer")
  const subjectProblems = problems.filter((p) => p.field === "subject")
  const ownText = draft.body_text !== null

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="mailer-template-source">
      <div className="flex flex-col gap-y-1">
        <Label htmlFor="mailer-template-subject" size="small" weight="plus">
          {t("templates.fields.subject")}
        </Label>
        <Input
          id="mailer-template-subject"
          ref={refs.subject}
          value={draft.subject}
          onChange={(e) => onChange({ ...draft, subject: e.target.value })}
          onFocus={() => onFocusField("subject")}
          aria-invalid={subjectProblems.some((p) => p.severity === "error")}
          data-testid="mailer-template-subject"
        />
      </div>
      <div className="flex flex-col gap-y-1">
        <Heading level="h3" className="txt-compact-small-plus">
          {t("templates.fields.body_html")}
        </Heading>
        <CodeEditor
          ref={refs.body_html}
          value={draft.body_html}
          onChange={(body_html) => onChange({ ...draft, body_html })}
          onFocus={() => onFocusField("body_html")}
          language="html"
          marks={marksFor(problems, "body_html")}
          label={t("templates.fields.body_html")}
          testId="mailer-template-html"
        />
      </div>
      <div className="flex flex-col gap-y-2">
        <div className="flex items-center gap-x-2">
          <Switch
            id="mailer-template-own-text"
            checked={ownText}
            onCheckedChange={(on) => onChange({ ...draft, body_text: on ? generatedText : null })}
            data-testid="mailer-template-own-text"
          />
          <Label htmlFor="mailer-template-own-text" size="small" weight="plus">
            {t("templates.fields.ownText")}
          </Label>
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          {ownText ? t("templates.fields.ownTextOn") : t("templates.fields.ownTextOff")}
        </Text>
        {ownText && (
          <CodeEditor
            ref={refs.body_text}
            value={draft.body_text ?? ""}
            onChange={(body_text) => onChange({ ...draft, body_text })}
            onFocus={() => onFocusField("body_text")}
            language="text"
            marks={marksFor(problems, "body_text")}
            label={t("templates.fields.body_text")}
            testId="mailer-template-text"
          />
        )}
      </div>
    </Container>
  )
}
