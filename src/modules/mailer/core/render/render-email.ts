import Handlebars from "handlebars"
import { normaliseCurrency, normaliseLocale, normaliseTimeZone } from "./format-helpers"
import { BoundedCache } from "./bounded-cache"
import { formatBytes, RENDER_LIMITS, RenderLimits, RenderMeter } from "./budget"
import { compileStrict, createTemplateEngine, renderFailure } from "./handlebars-env"
import { wrapInLayout } from "./layout"
import {
  expandStaffVariables,
  STAFF_DATA_KEY,
  StaffInfo,
  staffData,
  toStaffExpressions,
} from "./staff-variables"
import { forEachNode, parseTemplate } from "./template-ast"
import { rejectedTemplate, TemplateError, TemplateProblem } from "./template-error"
import { htmlToTextPart } from "./text-part"
import { TemplateInput, validateTemplate } from "./validate-template"

/**
 * Renders one mail: subject, HTML (in the layout) and text part. Pure: no I/O,
 * no clock except what the data carries. Every template failure is a
 * TemplateError, never another exception. This runs on the calling thread and
 * has no wall-time limit: callers on the server use renderEmail
 * (render-pool.ts), which runs it in a worker thread with a timeout.
 */

export interface RenderInput {
  template: TemplateInput
  /** Plain JSON from the shop (order, customer, store…); cloned, never mutated. */
  context: Record<string, unknown>
  /** "de", "en", "de-DE"…; "de_DE" is accepted, anything unusable falls back to "en". */
  locale: string
  currency_code?: string | null
  /** IANA zone for {{date}} (e.g. "Europe/Berlin"); default: the server's zone. */
  time_zone?: string | null
  staff: StaffInfo
  account: { signature_html?: string | null; greeting?: string | null; sender_name?: string | null }
  layout_html?: string | null
}

export interface RenderedEmail {
  subject: string
  html: string
  text: string
  warnings: TemplateProblem[]
}

type TemplateData = Record<string, unknown>

export function renderEmailBlocking(input: RenderInput, limits: Readonly<RenderLimits> = RENDER_LIMITS): RenderedEmail {
  return renderWith(input, limits, () => cloneContext(input.context))
}

/**
 * renderEmailBlocking for an input that was just parsed from JSON (the render
 * worker's, made by serialiseRenderInput): its context is plain data already,
 * so the second JSON round trip is skipped; only its shape is checked.
 */
export function renderParsedInput(input: RenderInput, limits: Readonly<RenderLimits> = RENDER_LIMITS): RenderedEmail {
  return renderWith(input, limits, () => plainObjectOr(input.context))
}

function renderWith(input: RenderInput, limits: Readonly<RenderLimits>, plainContext: () => TemplateData): RenderedEmail {
  try {
    const context = plainContext()
    // Inside the try: no template may turn validation into anything but a TemplateError.
    const { problems, warnings } = validateTemplate(input.template, context, limits)
    if (problems.length > 0) throw rejectedTemplate(problems)
    const rendered = renderValidated(input, context, new RenderMeter(limits))
    assertOutputSize(rendered, limits)
    return { ...rendered, warnings }
  } catch (error) {
    // Whatever else a template or its data trips over is still a render failure
    // the caller logs and shows, not a crash of the worker.
    throw renderFailure(error, "body_html")
  }
}

function assertOutputSize(rendered: Omit<RenderedEmail, "warnings">, limits: Readonly<RenderLimits>): void {
  const bytes = Buffer.byteLength(rendered.subject) + Buffer.byteLength(rendered.html) + Buffer.byteLength(rendered.text)
  if (bytes > limits.maxOutputBytes) {
    throw new TemplateError("TEMPLATE_TOO_COMPLEX", [
      {
        field: "body_html",
        message: `The rendered mail is larger than ${formatBytes(limits.maxOutputBytes)}`,
        code: "TEMPLATE_TOO_COMPLEX",
      },
    ])
  }
}

// One isolated engine for all mails, so compiled templates are reused (see compileStrict).
const ENGINE = createTemplateEngine()

function renderValidated(input: RenderInput, context: TemplateData, meter: RenderMeter): Omit<RenderedEmail, "warnings"> {
  const engine = ENGINE
  const blocks = accountBlocks(input)
  const base: TemplateData = {
    ...context,
    _locale: normaliseLocale(input.locale),
    _currency: normaliseCurrency(input.currency_code) ?? "",
    _timezone: normaliseTimeZone(input.time_zone) ?? "",
    _sender_name: input.account?.sender_name?.trim() ?? "",
    [STAFF_DATA_KEY]: staffData(input.staff),
    _subject: "",
  }
  const textData = { ...base, signature: blocks.signatureText, greeting: blocks.greetingText }
  const subject = renderSubject(engine, input.template.subject, textData, meter)
  const htmlData = {
    ...base,
    _subject: subject,
    signature: new Handlebars.SafeString(blocks.signatureHtml),
    greeting: new Handlebars.SafeString(blocks.greetingHtml),
  }
  const bodySource = toStaffExpressions(input.template.body_html, { html: true })
  const body = compileStrict(engine, bodySource, { escape: true, field: "body_html", limits: meter.limits })
  const bodyHtml = body(htmlData, { meter })
  const html = wrapInLayout(engine, input.layout_html, bodyHtml, htmlData, meter)
  const textPartData = { ...textData, _subject: subject }
  const text =
    renderTextPart(engine, input.template.body_text, textPartData, blocks.signatureText, meter) ||
    htmlToTextPart(bodyHtml) ||
    subject
  return { subject, html, text }
}

/**
 * A JSON round trip: drops functions, prototypes and class instances (Medusa
 * BigNumber becomes its JSON form), so templates only ever see plain data and
 * Handlebars' prototype checks have nothing to guard.
 */
function cloneContext(context: unknown): TemplateData {
  let json: string | undefined
  try {
    json = toJson(context ?? {})
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new TemplateError("TEMPLATE_RENDER", [
      { field: "body_html", message: `The mail data is not plain JSON: ${reason}` },
    ])
  }
  return plainObjectOr(json === undefined ? {} : JSON.parse(json))
}

/** A JSON object as template data; an array, primitive or null is no data at all. */
function plainObjectOr(parsed: unknown): TemplateData {
  return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as TemplateData) : {}
}

/** JSON with bigints as strings; throws on cycles. */
function toJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item))
}

/**
 * The input as JSON, for the render worker: what the worker sees is exactly
 * what renderEmailBlocking would see after its own clone (toJSON applied,
 * functions and class prototypes gone), and posting a string never throws a
 * DataCloneError. A context that is not JSON is TEMPLATE_RENDER, as here.
 */
export function serialiseRenderInput(input: RenderInput): string {
  // One JSON.stringify of the whole input (not a clone first): the worker's
  // JSON.parse is the clone. A non-object context becomes {} there (plainObjectOr).
  try {
    return toJson({ ...input, context: input.context ?? {} }) ?? "{}"
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new TemplateError("TEMPLATE_RENDER", [
      { field: "body_html", message: `The mail data is not plain JSON: ${reason}` },
    ])
  }
}

interface AccountBlocks {
  signatureHtml: string
  signatureText: string
  greetingHtml: string
  greetingText: string
}

/**
 * The signature is HTML written by an admin (the same people who write the
 * templates), so it is inserted unescaped; it is not compiled, so it cannot
 * call helpers or read data. The greeting is plain text and escaped.
 */
function accountBlocks(input: RenderInput): AccountBlocks {
  const staff = input.staff ?? {}
  const signatureHtml = expandStaffVariables(input.account?.signature_html ?? "", staff, { html: true })
  const greetingText = expandStaffVariables(input.account?.greeting ?? "", staff, { html: false })
    .replace(/\r\n?/g, "\n")
    .trim()
  return {
    signatureHtml,
    signatureText: signatureTexts.get(signatureHtml) ?? signatureTexts.set(signatureHtml, htmlToTextPart(signatureHtml)),
    greetingHtml: Handlebars.Utils.escapeExpression(greetingText).replace(/\n/g, "<br>"),
    greetingText,
  }
}

function renderSubject(engine: typeof Handlebars, source: string, data: TemplateData, meter: RenderMeter): string {
  const template = compileStrict(engine, toStaffExpressions(source, { html: false }), {
    escape: false,
    field: "subject",
    limits: meter.limits,
  })
  return toSingleLine(template(data, { meter }))
}

/** Header injection guard: line breaks become one space, other control characters go. */
export function toSingleLine(value: string): string {
  return value
    .replace(/[\r\n\u0085\u2028\u2029]+/g, " ")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .trim()
}

/** The explicit text part, or "" when there is none (the caller then converts the HTML). */
function renderTextPart(
  engine: typeof Handlebars,
  source: string | null | undefined,
  data: TemplateData,
  signatureText: string,
  meter: RenderMeter
): string {
  if (typeof source !== "string" || source.trim() === "") return ""
  const template = compileStrict(engine, toStaffExpressions(source, { html: false }), {
    escape: false,
    field: "body_text",
    limits: meter.limits,
  })
  const text = template(data, { meter }).replace(/\r\n?/g, "\n").trim()
  if (!text || !signatureText || referencesSignature(source)) return text
  return `${text}\n\n${signatureText}`
}

/** An account's signature as text, per expanded signature (one per account and staff member). */
const signatureTexts = new BoundedCache<string>(64)
const signatureReferences = new BoundedCache<boolean>(64)

/** Whether a template places {{signature}} itself (then we do not append it again). */
function referencesSignature(source: string): boolean {
  return signatureReferences.get(source) ?? signatureReferences.set(source, findsSignature(source))
}

function findsSignature(source: string): boolean {
  const parsed = parseTemplate(source, "body_text")
  let found = false
  if (parsed.program) {
    forEachNode(parsed.program, (node) => {
      if (node.type !== "PathExpression") return
      const path = node as hbs.AST.PathExpression
      const parts = path.data && path.parts[0] === "root" ? path.parts.slice(1) : path.parts
      if (parts[0] === "signature") found = true
    })
  }
  return found
}
