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

export type StaffKey = keyof StaffInfo

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
 * greeting) by their values; HTML-escaped when `html` is true. Empty values
 * leave no debris: a line whose variables are all empty is dropped with its
 * line break (its tags stay, so the HTML stays balanced), and a separator
 * (· | • , / – -) next to an empty value goes with it. A system-sent mail
 * without a contact person thus ends "Ihr Team", not "Ihr Team ·".
 */
export function expandStaffVariables(
  text: string,
  staff: StaffInfo,
  opts: { html: boolean }
): string {
  const values = staffData(staff)
  const pattern = opts.html ? HTML_PATTERN : PLAIN_PATTERN
  const chunks = text.split(opts.html ? HTML_LINE_BREAK : TEXT_LINE_BREAK)
  // split with a capturing group: even indices are lines, odd ones the breaks between them.
  const output = [...chunks]
  for (let i = 0; i < chunks.length; i += 2) {
    const line = expandLine(chunks[i]!, values, pattern, opts.html)
    if (line !== null) {
      output[i] = line
      continue
    }
    output[i] = opts.html ? tagsOf(chunks[i]!, pattern) : ""
    dropAdjacentBreak(output, i)
  }
  return output.join("")
}

/** Where a line ends: <br>, a block tag or a newline (kept by split). */
const HTML_LINE_BREAK = /(<br\s*\/?>\r?\n?|<\/?(?:p|div|li|tr|td|h[1-6])(?:\s[^>]*)?>|\r?\n)/i
const TEXT_LINE_BREAK = /(\r?\n)/
const SOFT_BREAK = /^(?:<br\s*\/?>\r?\n?|\r?\n)$/i
/** The marker of an empty value, with the separators around it. */
const EMPTY_VALUE = /([ \t]*(?:[·|•,/–—-]|&middot;|&bull;)[ \t]*)?\uE000([ \t]*(?:[·|•,/–—-]|&middot;|&bull;)[ \t]*)?/g

/** The line with its variables expanded, or null when it has variables and all are empty. */
function expandLine(
  line: string,
  values: Record<StaffKey, string>,
  pattern: RegExp,
  html: boolean
): string | null {
  let used = 0
  let filled = 0
  const marked = line.replace(pattern, (_match, angled?: string, braced?: string) => {
    const key = VARIABLE_TO_KEY.get(angled ?? braced ?? "")
    const value = key ? values[key] : ""
    used++
    if (value === "") return "\uE000"
    filled++
    return html ? Handlebars.Utils.escapeExpression(value) : value
  })
  if (used === 0) return line
  if (filled === 0) return null
  // Between two kept parts one separator stays ("A · B"); at an edge it goes ("A").
  return marked.replace(EMPTY_VALUE, (_match, before = "", after = "") => (before && after ? before : ""))
}

/** The tags of a dropped line (its variables removed first: `<MITARBEITER>` looks like a tag). */
function tagsOf(line: string, pattern: RegExp): string {
  return (line.replace(pattern, "").match(/<[^>]*>/g) ?? []).join("")
}

/** Removes the <br> or newline before the dropped line at `index`, else the one after it. */
function dropAdjacentBreak(chunks: string[], index: number): void {
  for (const at of [index - 1, index + 1]) {
    if (at > 0 && at < chunks.length && SOFT_BREAK.test(chunks[at]!)) {
      chunks[at] = ""
      return
    }
  }
}

/** The staff variables (name, phone …) a signature or greeting uses. */
export function staffKeysUsed(text: string | null | undefined, opts: { html: boolean }): StaffKey[] {
  if (typeof text !== "string" || text === "") return []
  const pattern = opts.html ? HTML_PATTERN : PLAIN_PATTERN
  const keys = new Set<StaffKey>()
  for (const match of text.matchAll(pattern)) {
    const key = VARIABLE_TO_KEY.get(match[1] ?? match[2] ?? "")
    if (key) keys.add(key)
  }
  return [...keys]
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

const KEY_TO_VARIABLE = new Map<StaffKey, string>([...VARIABLE_TO_KEY].map(([variable, key]) => [key, variable]))

/** An account's signature and greeting with the contact person that fills them in system-sent mail. */
export interface SignatureSource {
  signature_html?: string | null
  greeting?: string | null
  contact_name?: string | null
  contact_phone?: string | null
  contact_mobile?: string | null
  contact_email?: string | null
  contact_fax?: string | null
}

/**
 * The staff variables the signature or greeting uses that the account's
 * contact person leaves empty, as written (`<MITARBEITER_TELEFON>`). Mails
 * nobody sends by hand (order placed) only have the contact person, so these
 * stay empty there.
 */
export function unfilledStaffVariables(account: SignatureSource): string[] {
  const used = new Set([
    ...staffKeysUsed(account.signature_html, { html: true }),
    ...staffKeysUsed(account.greeting, { html: false }),
  ])
  const contact = staffData({
    name: account.contact_name,
    phone: account.contact_phone,
    mobile: account.contact_mobile,
    email: account.contact_email,
    fax: account.contact_fax,
  })
  return [...used].filter((key) => contact[key] === "").map((key) => `<${KEY_TO_VARIABLE.get(key)}>`)
}

/** The account warning SIGNATURE_VARIABLES_UNFILLED, or null when every used variable has a value. */
export function signatureVariablesWarning(account: SignatureSource) {
  const unfilled = unfilledStaffVariables(account)
  if (unfilled.length === 0) return null
  const list = unfilled.join(", ")
  return {
    code: "SIGNATURE_VARIABLES_UNFILLED" as const,
    variables: unfilled,
    message_en: `The signature or greeting uses ${list}, but the account has no contact person value for it. Mails the system sends on its own (order confirmation …) leave it out; fill in the contact person.`,
    message_de: `Signatur oder Grußformel verwenden ${list}, aber das Konto hat dafür keine Angabe zur Kontaktperson. In E-Mails, die das System selbst sendet (Bestellbestätigung …), bleibt das leer; tragen Sie die Kontaktperson ein.`,
  }
}
