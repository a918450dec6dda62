import { compileOptions, createTemplateEngine, KNOWN_HELPER_SET } from "./handlebars-env"
import { findForbiddenConstructs, parseTemplate, problemFromException } from "./template-ast"
import { TemplateField, TemplateProblem } from "./template-error"
import { findUnknownVariables } from "./variable-warnings"
import { BoundedCache } from "./bounded-cache"

/**
 * Checks a template as the admin saves or previews it. Problems block saving
 * and rendering; warnings (unknown variables) are shown but do not block.
 */

/** Per field; a mail template is a few KB, this only stops abuse. */
export const MAX_TEMPLATE_BYTES = 256 * 1024

export interface TemplateInput {
  subject: string
  body_html: string
  body_text?: string | null
}

export interface TemplateValidation {
  problems: TemplateProblem[]
  warnings: TemplateProblem[]
}

export function validateTemplate(
  input: TemplateInput,
  sampleContext?: object
): TemplateValidation {
  const result: TemplateValidation = { problems: [], warnings: [] }
  for (const [field, source] of fieldsOf(input)) {
    const checked = validateField(field, source, sampleContext)
    result.problems.push(...checked.problems)
    result.warnings.push(...checked.warnings)
  }
  return result
}

function fieldsOf(input: TemplateInput): Array<[TemplateField, unknown]> {
  const fields: Array<[TemplateField, unknown]> = [
    ["subject", input?.subject],
    ["body_html", input?.body_html],
  ]
  if (input?.body_text !== undefined && input?.body_text !== null) {
    fields.push(["body_text", input.body_text])
  }
  return fields
}

function validateField(
  field: TemplateField,
  source: unknown,
  sampleContext: object | undefined
): TemplateValidation {
  const problems = checkShape(field, source)
  if (problems.length > 0 || typeof source !== "string") return { problems, warnings: [] }
  const parsed = parseTemplate(source, field)
  if (!parsed.program) return { problems: parsed.problems, warnings: [] }
  problems.push(...findForbiddenConstructs(parsed.program, field, KNOWN_HELPER_SET))
  if (problems.length === 0) problems.push(...compileProblems(field, source))
  const warnings =
    sampleContext !== null && typeof sampleContext === "object"
      ? findUnknownVariables(parsed.program, field, sampleContext, KNOWN_HELPER_SET)
      : []
  return { problems, warnings }
}

/** Type, size, emptiness and (for the subject) line breaks. */
function checkShape(field: TemplateField, source: unknown): TemplateProblem[] {
  if (typeof source !== "string") return [{ field, message: "Must be text" }]
  if (Buffer.byteLength(source, "utf8") > MAX_TEMPLATE_BYTES) {
    return [{ field, message: `Larger than ${MAX_TEMPLATE_BYTES / 1024} KB` }]
  }
  if (field !== "body_text" && source.trim() === "") {
    return [{ field, message: field === "subject" ? "The subject is empty" : "The body is empty" }]
  }
  if (field === "subject") {
    const lines = source.split(/\r\n|\r|\n/)
    if (lines.length > 1) {
      // A line break in a header is how header injection starts; a subject is one line.
      return [{ field, line: 2, column: 1, message: "The subject must be a single line" }]
    }
  }
  return []
}

/**
 * Catches whatever the AST checks miss by compiling as compileStrict will
 * (knownHelpersOnly). precompile only generates source text; nothing runs.
 */
const compileProblemsCache = new BoundedCache<TemplateProblem[]>()
const checkingEngine = createTemplateEngine()

function compileProblems(field: TemplateField, source: string): TemplateProblem[] {
  const key = `${field}|${source}`
  const known = compileProblemsCache.get(key)
  if (known) return known
  try {
    checkingEngine.precompile(source, compileOptions(field !== "subject" && field !== "body_text"))
    return compileProblemsCache.set(key, [])
  } catch (error) {
    return compileProblemsCache.set(key, [problemFromException(error, field)])
  }
}
