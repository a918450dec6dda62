import Handlebars from "handlebars"
import { BoundedCache } from "./bounded-cache"
import { RENDER_LIMITS, RenderLimits, RenderMeter } from "./budget"
import { checkSource } from "./check-source"
import { compileOptions, compileStrict, createTemplateEngine, KNOWN_HELPER_SET } from "./handlebars-env"
import { toStaffExpressions } from "./staff-variables"
import { problemFromException } from "./template-ast"
import { rejectedTemplate, TemplateProblem } from "./template-error"

/**
 * The wrapper every HTML mail is rendered into. `{{{body}}}` marks where the
 * rendered template goes; it is the only unescaped output a layout may have,
 * and it is placed by the plugin, not by data: it is rewritten to the fixed
 * expression `{{@mailerBody}}`, the rest is compiled WITH escaping, and the
 * body is passed as runtime @-data (already-rendered HTML, a SafeString).
 * Data cannot reach @-data, so neither the layout author nor a customer can
 * inject or move the body; and the compiled layout is the same for every
 * mail, so it is compiled once (a random token per mail defeated the cache).
 */

const BODY_PLACEHOLDER = /\{\{\{\s*body\s*\}\}\}/g
const BODY_DATA_KEY = "mailerBody"
const BODY_EXPRESSION = `{{@${BODY_DATA_KEY}}}`

export const DEFAULT_LAYOUT_HTML = `<!DOCTYPE html>
<html lang="{{_locale}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>{{_subject}}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;-webkit-text-size-adjust:100%;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;">
<tr>
<td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background-color:#ffffff;border-radius:8px;border:1px solid #e5e7eb;">
<tr>
<td style="padding:32px 28px;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.6;color:#111827;">
{{{body}}}
</td>
</tr>
</table>
</td>
</tr>
</table>
</body>
</html>
`

/**
 * Problems with a layout as it would be saved in the settings: the same
 * checks and budget as a template (on the source as it is compiled), and
 * `{{{body}}}` exactly once, at the top level (inside a block or a comment
 * it would vanish or repeat in every mail).
 */
export function validateLayout(layoutHtml: string, limits: Readonly<RenderLimits> = RENDER_LIMITS): TemplateProblem[] {
  // Checked for every mail: remembered, since a shop has one layout.
  const key = `${limits === RENDER_LIMITS ? "" : JSON.stringify(limits)}|${layoutHtml}`
  return layoutProblems.get(key) ?? layoutProblems.set(key, checkLayout(layoutHtml, limits))
}

const layoutProblems = new BoundedCache<TemplateProblem[]>(16)

function checkLayout(layoutHtml: string, limits: Readonly<RenderLimits>): TemplateProblem[] {
  const count = layoutHtml.match(BODY_PLACEHOLDER)?.length ?? 0
  if (count !== 1) {
    return [
      {
        field: "layout_html",
        message:
          count === 0
            ? "The layout must contain {{{body}}} where the mail content goes"
            : "The layout must contain {{{body}}} exactly once",
      },
    ]
  }
  const source = layoutSource(layoutHtml)
  const checked = checkSource("layout_html", source, limits, KNOWN_HELPER_SET)
  if (!checked.program) return checked.problems
  if (bodyExpressionsAtTopLevel(checked.program) !== 1 || countBodyReferences(source) !== 1) {
    return [
      {
        field: "layout_html",
        message: "{{{body}}} must stand outside every block ({{#if}}, {{#each}} …) and comment",
      },
    ]
  }
  return compileProblems(source)
}

/** The layout as it is compiled: body placeholder and staff variables rewritten. */
function layoutSource(layoutHtml: string): string {
  return toStaffExpressions(layoutHtml.replace(BODY_PLACEHOLDER, BODY_EXPRESSION), { html: true })
}

function bodyExpressionsAtTopLevel(program: hbs.AST.Program): number {
  return program.body.filter((node) => {
    if (node.type !== "MustacheStatement") return false
    const path = (node as hbs.AST.MustacheStatement).path as hbs.AST.PathExpression
    return path.type === "PathExpression" && path.data && path.original === `@${BODY_DATA_KEY}`
  }).length
}

/** A hand-written second {{@mailerBody}} (anywhere) would output the body twice. */
function countBodyReferences(source: string): number {
  return source.split(`@${BODY_DATA_KEY}`).length - 1
}

const checkingEngine = createTemplateEngine()

function compileProblems(source: string): TemplateProblem[] {
  try {
    checkingEngine.precompile(source, compileOptions(true))
    return []
  } catch (error) {
    return [problemFromException(error, "layout_html")]
  }
}

/**
 * Renders `layoutHtml` (DEFAULT_LAYOUT_HTML when empty) with `data` and puts
 * `bodyHtml`, already rendered and escaped, where `{{{body}}}` was. Staff
 * variables (<MITARBEITER>…) work here too when `data` carries `_staff`.
 */
export function wrapInLayout(
  engine: typeof Handlebars,
  layoutHtml: string | null | undefined,
  bodyHtml: string,
  data: object,
  meter: RenderMeter = new RenderMeter()
): string {
  const layout = layoutHtml && layoutHtml.trim() !== "" ? layoutHtml : DEFAULT_LAYOUT_HTML
  const problems = validateLayout(layout, meter.limits)
  if (problems.length > 0) throw rejectedTemplate(problems)
  const template = compileStrict(engine, layoutSource(layout), {
    escape: true,
    field: "layout_html",
    limits: meter.limits,
  })
  return template(data, { meter, data: { [BODY_DATA_KEY]: new Handlebars.SafeString(bodyHtml) } })
}
