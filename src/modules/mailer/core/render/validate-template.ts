import { compileOptions, createTemplateEngine, KNOWN_HELPER_SET } from "./handlebars-env"
import { problemFromException } from "./template-ast"
import { TemplateField, TemplateProblem } from "./template-error"
import { findUnknownVariables } from "./variable-warnings"
import { BoundedCache } from "./bounded-cache"
import { RENDER_LIMITS, RenderLimits } from "./budget"
import { checkSource } from "./check-source"
import { toStaffExpressions } from "./staff-variables"

/**
 * Checks a template as the admin saves or previews it. Problems block saving
 * and rendering; warnings (unknown variables) are shown but do not block.
 * The source checked is the source rendered: staff variables (<MITARBEITER>)
 * are rewritten first, exactly as renderEmail does.
 */

/** Per field; a mail template is a few KB, this only stops abuse. */
export const MAX_TEMPLATE_BYTES = RENDER_LIMITS.maxSourceBytes

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
  sampleContext?: object,
  limits: Readonly<RenderLimits> = RENDER_LIMITS
): TemplateValidation {
  const result: TemplateValidation = { problems: [], warnings: [] }
  for (const [field, source] of fieldsOf(input)) {
    const checked = validateField(field, source, sampleContext, limits)
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
  sampleContext: object | undefined,
  limits: Readonly<RenderLimits>
): TemplateValidation {
  const shapeProblems = checkShape(field, source)
  if (shapeProblems.length > 0 || typeof source !== "string") return { problems: shapeProblems, warnings: [] }
  const checked = checkedField(field, source, limits)
  if (!checked.program) return { problems: [...checked.problems], warnings: [] }
  const warnings =
    sampleContext !== null && typeof sampleContext === "object"
      ? findUnknownVariables(checked.program, field, sampleContext, KNOWN_HELPER_SET)
      : []
  return { problems: [...checked.problems], warnings }
}

interface CheckedField {
  /** Set when the static checks passed (problems may still hold compile errors). */
  program?: hbs.AST.Program
  problems: readonly TemplateProblem[]
}

/**
 * The static checks and compile problems of one source depend on nothing
 * else, and every mail of an event checks the same few sources: remembered
 * (parsing was a third of a render). Only the variable warnings depend on the
 * data; they walk the remembered tree, which nothing mutates.
 */
const checkedFields = new BoundedCache<CheckedField>()

function checkedField(field: TemplateField, source: string, limits: Readonly<RenderLimits>): CheckedField {
  const key = `${field}|${limits === RENDER_LIMITS ? "" : JSON.stringify(limits)}|${source}`
  const known = checkedFields.get(key)
  if (known) return known
  const prepared = preparedSource(field, source)
  const checked = checkSource(field, prepared, limits, KNOWN_HELPER_SET)
  const result: CheckedField = checked.program
    ? { program: checked.program, problems: compileProblems(field, prepared) }
    : { problems: checked.problems }
  return checkedFields.set(key, result)
}

/** The source as renderEmail compiles it: staff variables become expressions. */
export function preparedSource(field: TemplateField, source: string): string {
  return toStaffExpressions(source, { html: field === "body_html" || field === "layout_html" })
}

/** Type, emptiness and (for the subject) line breaks; sizes are the budget's (checkSource). */
function checkShape(field: TemplateField, source: unknown): TemplateProblem[] {
  if (typeof source !== "string") return [{ field, message: "Must be text" }]
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
const checkingEngine = createTemplateEngine()

/** Remembered with the rest of the field's checks (checkedField). */
function compileProblems(field: TemplateField, source: string): TemplateProblem[] {
  try {
    checkingEngine.precompile(source, compileOptions(field !== "subject" && field !== "body_text"))
    return []
  } catch (error) {
    return [problemFromException(error, field)]
  }
}
