import { RenderLimits } from "./budget"
import { checkSourceSize, measureProgram, prescanSource } from "./static-limits"
import { findForbiddenConstructs, parseTemplate } from "./template-ast"
import { TemplateField, TemplateProblem } from "./template-error"

export type CheckedSource =
  | { program: hbs.AST.Program; problems: [] }
  | { program: undefined; problems: TemplateProblem[] }

/**
 * The one static check every template source goes through, at save (the
 * API), at preview and again before it is compiled for a mail: the budget's
 * size and text limits first (they keep the parser from ever seeing a
 * pathological input), then parsing, the budget's tree limits, and the
 * allow-list of constructs. The order matters: each step is only safe and
 * fast because the previous one passed.
 */
export function checkSource(
  field: TemplateField,
  source: string,
  limits: RenderLimits,
  knownHelpers: ReadonlySet<string>
): CheckedSource {
  const early = [...checkSourceSize(field, source, limits)]
  if (early.length === 0) early.push(...prescanSource(field, source, limits), ...rawBlocks(field, source))
  if (early.length > 0) return { program: undefined, problems: early }
  const parsed = parseTemplate(source, field)
  if (!parsed.program) return parsed
  const problems = [
    ...measureProgram(parsed.program, field, limits, knownHelpers),
    ...findForbiddenConstructs(parsed.program, field, knownHelpers),
  ]
  return problems.length > 0 ? { program: undefined, problems } : { program: parsed.program, problems: [] }
}

/**
 * `{{{{name}}}}…{{{{/name}}}}` calls `name` as a block helper with its content
 * unparsed; no allowed helper is meant for it, and in the tree it looks like
 * an ordinary section, so it is refused here, on the text.
 */
function rawBlocks(field: TemplateField, source: string): TemplateProblem[] {
  const at = source.indexOf("{{{{")
  if (at < 0) return []
  const line = source.slice(0, at).split("\n").length
  return [{ field, line, message: "Raw blocks ({{{{…}}}}) are not allowed" }]
}
