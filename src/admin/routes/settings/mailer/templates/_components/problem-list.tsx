import { ExclamationCircle, InformationCircle } from "@medusajs/icons"
import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { FieldProblem } from "../../../../../lib/client"
import type { LineMark } from "./line-marks"

export interface Problem extends FieldProblem {
  severity: "error" | "warning"
}

export type SourceField = "subject" | "body_html" | "body_text"

/** The line marks one editor shows: the problems of its field that carry a line. */
export function marksFor(problems: Problem[], field: SourceField): LineMark[] {
  return problems
    .filter((p) => p.field === field && typeof p.line === "number")
    .map((p) => ({ line: p.line as number, severity: p.severity, message: p.message }))
}

/**
 * Errors (saving refused) and warnings (variables the event does not know) with field and
 * line; a click puts the cursor on that line.
 */
export const ProblemList = ({ problems, onJump }: { problems: Problem[]; onJump: (field: SourceField, line: number) => void }) => {
  const { t } = useTranslation("mailer")
  if (!problems.length) return null
  return (
    <ul className="flex flex-col gap-y-1" data-testid="mailer-template-problems">
      {problems.map((problem, index) => {
        const where = t(`templates.fields.${problem.field}`, { defaultValue: problem.field })
        const position = problem.line ? t("templates.problems.line", { line: problem.line, column: problem.column ?? 1 }) : ""
        // Handlebars parse errors carry a source excerpt with a caret below the first line: keep it aligned.
        const [firstLine, ...rest] = problem.message.split("\n")
        const detail = rest.join("\n")
        const Icon = problem.severity === "error" ? ExclamationCircle : InformationCircle
        const color = problem.severity === "error" ? "text-ui-fg-error" : "text-ui-tag-orange-text"
        return (
          <li key={index} data-testid={`mailer-template-${problem.severity}`} data-line={problem.line ?? ""} data-field={problem.field}>
            <button
              type="button"
              className="hover:bg-ui-bg-base-hover flex w-full items-start gap-x-2 rounded-md px-2 py-1 text-left"
              disabled={!problem.line}
              onClick={() => problem.line && onJump(problem.field as SourceField, problem.line)}
            >
              <Icon className={`${color} mt-0.5 shrink-0`} />
              <Text size="small" as="div">
                <span className="font-medium">
                  {t(`templates.problems.${problem.severity}`)} · {where}
                  {position && ` · ${position}`}:
                </span>{" "}
                {firstLine}
                {detail && <pre className="txt-compact-xsmall text-ui-fg-subtle mt-1 whitespace-pre-wrap font-mono">{detail}</pre>}
              </Text>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
