/** Public API of the pure rendering core (no @medusajs imports here). */
export { TemplateError, isTemplateError, templateErrorCodeOf, rejectedTemplate } from "./template-error"
export type { TemplateProblem, TemplateField, TemplateErrorCode } from "./template-error"
export { createTemplateEngine, compileStrict, KNOWN_HELPERS } from "./handlebars-env"
export type { CompiledTemplate, CompileStrictOptions, RenderRuntime } from "./handlebars-env"
export { RENDER_LIMITS, RENDER_TIMEOUT_MS, RenderMeter } from "./budget"
export type { RenderLimits } from "./budget"
export {
  expandStaffVariables,
  toStaffExpressions,
  staffData,
  staffKeysUsed,
  signatureVariablesWarning,
  STAFF_DATA_KEY,
} from "./staff-variables"
export type { StaffInfo } from "./staff-variables"
export { DEFAULT_LAYOUT_HTML, wrapInLayout, validateLayout } from "./layout"
export { htmlToTextPart } from "./text-part"
export { MAX_TEMPLATE_BYTES, validateTemplate } from "./validate-template"
export type { TemplateInput, TemplateValidation } from "./validate-template"
export { RESERVED_DATA_KEYS } from "./variable-warnings"
export { renderEmailBlocking, toSingleLine } from "./render-email"
export { renderEmail, RenderPool } from "./render-pool"
export type { RenderOptions } from "./render-pool"
export type { RenderInput, RenderedEmail } from "./render-email"
export { normaliseLocale, normaliseCurrency } from "./format-helpers"
