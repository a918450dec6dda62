/** The template fields a problem can point at. */
export type TemplateField = "subject" | "body_html" | "body_text" | "layout_html"

/**
 * One thing wrong with a template. `line` is 1-based; `column` is 1-based
 * (Handlebars itself counts columns from 0; we add 1 for editors).
 */
export interface TemplateProblem {
  field: TemplateField
  line?: number
  column?: number
  message: string
  /** Set when the problem is a budget overrun rather than a mistake (see budget.ts). */
  code?: "TEMPLATE_TOO_COMPLEX"
}

/**
 * TEMPLATE_INVALID: rejected before rendering (syntax, forbidden construct,
 * unknown helper, size). TEMPLATE_RENDER: the template was valid but failed
 * while rendering with this data. TEMPLATE_TOO_COMPLEX: over the render
 * budget (nesting, node count, loops, output, time), at save or at render.
 */
export type TemplateErrorCode = "TEMPLATE_INVALID" | "TEMPLATE_RENDER" | "TEMPLATE_TOO_COMPLEX"

export class TemplateError extends Error {
  readonly code: TemplateErrorCode
  readonly problems: TemplateProblem[]

  constructor(code: TemplateErrorCode, problems: TemplateProblem[]) {
    super(summarise(code, problems))
    this.name = "TemplateError"
    this.code = code
    this.problems = problems
  }
}

export function isTemplateError(error: unknown): error is TemplateError {
  return error instanceof TemplateError
}

/** The code for a list of static problems: a budget overrun wins over other mistakes. */
export function templateErrorCodeOf(problems: TemplateProblem[]): "TEMPLATE_INVALID" | "TEMPLATE_TOO_COMPLEX" {
  return problems.some((p) => p.code === "TEMPLATE_TOO_COMPLEX") ? "TEMPLATE_TOO_COMPLEX" : "TEMPLATE_INVALID"
}

/** A TemplateError for static problems, with the code templateErrorCodeOf picks. */
export function rejectedTemplate(problems: TemplateProblem[]): TemplateError {
  return new TemplateError(templateErrorCodeOf(problems), problems)
}

function summarise(code: TemplateErrorCode, problems: TemplateProblem[]): string {
  const first = problems[0]
  if (!first) {
    if (code === "TEMPLATE_TOO_COMPLEX") return "Template is too complex"
    return code === "TEMPLATE_INVALID" ? "Template is invalid" : "Template failed to render"
  }
  const where = first.line ? ` (line ${first.line})` : ""
  const more = problems.length > 1 ? ` (+${problems.length - 1} more)` : ""
  return `${first.field}${where}: ${first.message}${more}`
}
