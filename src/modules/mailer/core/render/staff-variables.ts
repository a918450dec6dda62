import Handlebars from "handlebars"

/**
 * Signature variables known from German back-office software
 * (<MITARBEITER>, <MITARBEITER_TELEFON>, …): the staff member who acted, or
 * the account's contact person. Accepted forms: `<NAME>`, `{NAME}` and, in
 * HTML, `&lt;NAME&gt;` (how a WYSIWYG editor stores a typed `<NAME>`). Only
 * the single-brace form counts: `{{MITARBEITER}}` is a Handlebars mustache
 * and is left alone. Names are matched in capitals only.
 */

export interface StaffInfo {
  name?: string | null
  phone?: string | null
  mobile?: string | null
  email?: string | null
  fax?: string | null
}

type StaffKey = keyof StaffInfo

const VARIABLE_TO_KEY = new Map<string, StaffKey>([
  ["MITARBEITER", "name"],
  ["MITARBEITER_TELEFON", "phone"],
  ["MITARBEITER_MOBIL", "mobile"],
  ["MITARBEITER_EMAIL", "email"],
  ["MITARBEITER_TELEFAX", "fax"],
])

const NAME = "(MITARBEITER(?:_(?:TELEFON|MOBIL|EMAIL|TELEFAX))?)"
/**
 * `<NAME>` or `{NAME}`, not `{{NAME}}` (lookarounds keep mustaches intact).
 * Braces right around the angled form (`{<NAME>}`, both notations at once)
 * belong to the variable: left in place they would touch the generated
 * `{{…}}` and turn it into `{{{…}}}`, unescaped output that breaks every mail.
 */
const PLAIN_PATTERN = new RegExp(`\\{?<${NAME}>\\}?|(?<!\\{)\\{${NAME}\\}(?!\\})`, "g")
/** As above plus the entity-escaped `&lt;NAME&gt;` an HTML editor produces. */
const HTML_PATTERN = new RegExp(
  `\\{?(?:<|&lt;)${NAME}(?:>|&gt;)\\}?|(?<!\\{)\\{${NAME}\\}(?!\\})`,
  "g"
)

/** The key of the data object renderEmail puts the staff values under. */
export const STAFF_DATA_KEY = "_staff"

/** The staff values as template data: every key present, "" when unknown. */
export function staffData(staff: StaffInfo | null | undefined): Record<StaffKey, string> {
  const value = (key: StaffKey): string => {
    const raw = staff?.[key]
    return typeof raw === "string" ? raw.trim() : ""
  }
  return {
    name: value("name"),
    phone: value("phone"),
    mobile: value("mobile"),
    email: value("email"),
    fax: value("fax"),
  }
}

/**
 * Replaces the variables in a block that is not compiled (signature,
 * greeting) by their values; HTML-escaped when `html` is true.
 */
export function expandStaffVariables(
  text: string,
  staff: StaffInfo,
  opts: { html: boolean }
): string {
  const values = staffData(staff)
  const pattern = opts.html ? HTML_PATTERN : PLAIN_PATTERN
  return text.replace(pattern, (_match, angled?: string, braced?: string) => {
    const key = VARIABLE_TO_KEY.get(angled ?? braced ?? "")
    const value = key ? values[key] : ""
    return opts.html ? Handlebars.Utils.escapeExpression(value) : value
  })
}

/**
 * Rewrites the variables in a template SOURCE into Handlebars expressions
 * (`<MITARBEITER>` → `{{@root._staff.name}}`) before compiling. Why not
 * replace values after rendering: the rendered text contains customer data,
 * and a customer named "<MITARBEITER_EMAIL>" must stay a name. As expressions
 * the values are escaped by Handlebars like any other data, and @root keeps
 * them working inside {{#each}}. Text inside mustaches (string literals,
 * comments) is left untouched.
 */
export function toStaffExpressions(source: string, opts: { html: boolean }): string {
  const pattern = opts.html ? HTML_PATTERN : PLAIN_PATTERN
  return splitOnMustaches(source)
    .map((chunk) => (chunk.mustache ? chunk.text : replaceWithExpressions(chunk.text, pattern)))
    .join("")
}

function replaceWithExpressions(text: string, pattern: RegExp): string {
  return text.replace(pattern, (_match, angled?: string, braced?: string) => {
    const key = VARIABLE_TO_KEY.get(angled ?? braced ?? "")
    return key ? `{{@root.${STAFF_DATA_KEY}.${key}}}` : ""
  })
}

interface SourceChunk {
  text: string
  mustache: boolean
}

/**
 * Splits a source into text and `{{…}}` chunks (`{{!-- … --}}` comments may
 * contain `}}`). A scanner rather than a lazy regex: linear on any input, also
 * on an unvalidated 256 KB template full of unclosed `{{`.
 */
function splitOnMustaches(source: string): SourceChunk[] {
  const chunks: SourceChunk[] = []
  let position = 0
  while (position < source.length) {
    const open = source.indexOf("{{", position)
    if (open < 0) break
    chunks.push({ text: source.slice(position, open), mustache: false })
    const isComment = source.startsWith("{{!--", open)
    const closer = isComment ? "--}}" : "}}"
    const close = source.indexOf(closer, open + (isComment ? 5 : 2))
    const end = close < 0 ? source.length : close + closer.length
    chunks.push({ text: source.slice(open, end), mustache: true })
    position = end
  }
  if (position < source.length) chunks.push({ text: source.slice(position), mustache: false })
  return chunks
}
