import { randomUUID } from "node:crypto"
import type Handlebars from "handlebars"
import { compileStrict, KNOWN_HELPER_SET } from "./handlebars-env"
import { toStaffExpressions } from "./staff-variables"
import { findForbiddenConstructs, parseTemplate } from "./template-ast"
import { TemplateError, TemplateProblem } from "./template-error"

/**
 * The wrapper every HTML mail is rendered into. `{{{body}}}` marks where the
 * rendered template goes; it is the only unescaped output a layout may have,
 * and it is placed by the plugin, not by data: we swap it for a random token
 * before compiling, compile the rest WITH escaping, and put the body in
 * afterwards. A layout cannot smuggle other raw output through `body`.
 */

const BODY_PLACEHOLDER = /\{\{\{\s*body\s*\}\}\}/g

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

/** Problems with a layout as it would be saved in the settings. */
export function validateLayout(layoutHtml: string): TemplateProblem[] {
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
  const parsed = parseTemplate(layoutHtml.replace(BODY_PLACEHOLDER, ""), "layout_html")
  if (!parsed.program) return parsed.problems
  return findForbiddenConstructs(parsed.program, "layout_html", KNOWN_HELPER_SET)
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
  data: object
): string {
  const layout = layoutHtml && layoutHtml.trim() !== "" ? layoutHtml : DEFAULT_LAYOUT_HTML
  const problems = validateLayout(layout)
  if (problems.length > 0) throw new TemplateError("TEMPLATE_INVALID", problems)
  // Random per call: neither the layout author nor customer data can predict it.
  const token = `mailer-body-${randomUUID()}`
  const source = toStaffExpressions(layout.replace(BODY_PLACEHOLDER, token), { html: true })
  const template = compileStrict(engine, source, {
    escape: true,
    field: "layout_html",
  })
  const parts = template(data).split(token)
  if (parts.length !== 2) {
    // e.g. {{{body}}} inside {{#if}} or {{#each}}: the body would vanish or repeat.
    throw new TemplateError("TEMPLATE_RENDER", [
      { field: "layout_html", message: "The layout must output {{{body}}} exactly once" },
    ])
  }
  return parts[0] + bodyHtml + parts[1]
}
