import { MailerApiError } from "../../../../../lib/client"
import type { PreviewResult } from "../../../../../lib/api/templates"
import type { Problem } from "./problem-list"

/** Errors that mean "does not compile": saving is refused while one stands for the current draft. */
export const COMPILE_ERROR_CODES = new Set(["TEMPLATE_INVALID", "TEMPLATE_TOO_COMPLEX"])

/** Errors that are about the template's source (listed with lines), not about the request. */
const TEMPLATE_ERROR_CODES = new Set([...COMPILE_ERROR_CODES, "TEMPLATE_RENDER"])

export const isTemplateError = (error: unknown): error is MailerApiError =>
  error instanceof MailerApiError && TEMPLATE_ERROR_CODES.has(error.code)

const asProblems = (error: MailerApiError): Problem[] =>
  error.errors.length
    ? error.errors.map((e) => ({ ...e, severity: "error" as const }))
    : [{ field: "body_html", message: error.hint ? `${error.message} ${error.hint}` : error.message, severity: "error" }]

/**
 * The problems the editor lists and marks: the preview's template error for the current
 * draft, else the last refused save's, else the preview's warnings.
 */
export function editorProblems(previewError: unknown, previewResult: PreviewResult | undefined, saveError: unknown): Problem[] {
  if (isTemplateError(previewError)) return asProblems(previewError)
  if (isTemplateError(saveError)) return asProblems(saveError)
  if (previewError) return []
  return (previewResult?.warnings ?? []).map((w) => ({ ...w, severity: "warning" as const }))
}
