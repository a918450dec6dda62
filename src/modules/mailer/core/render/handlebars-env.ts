import Handlebars from "handlebars"
import { MAILER_HELPER_NAMES, mailerHelpers, PLAIN_TEXT_DATA_KEY } from "./handlebars-helpers"
import { problemFromException } from "./template-ast"
import { rejectedTemplate, TemplateError, TemplateField } from "./template-error"
import { BoundedCache } from "./bounded-cache"
import { isBudgetError, RENDER_LIMITS, RenderLimits, RenderMeter } from "./budget"
import { checkSource } from "./check-source"

/**
 * The Handlebars environment for merchant-edited templates. Templates edited
 * in the admin are code, so:
 * - every engine is a fresh Handlebars.create(): nothing registered on the
 *   global instance (by us or another package) leaks in;
 * - only allow-listed helpers exist, enforced at compile time by
 *   knownHelpersOnly (https://handlebarsjs.com/api-reference/compilation.html);
 * - prototype access is never enabled (CVE-2019-19919, CVE-2021-23383); data
 *   is JSON-cloned plain objects, so nothing needs it.
 */

/**
 * Built-ins we keep. Removed: `lookup` (dynamic property access by a string
 * the template chooses, the classic prototype-pollution vector, and nothing
 * a mail needs that `a.b` or `items.[0]` cannot do) and `log` (writes
 * customer data to the server console).
 */
const BUILTIN_HELPERS = ["if", "unless", "each", "with"] as const
const REMOVED_BUILTIN_HELPERS = ["lookup", "log"] as const
/** Hooks Handlebars calls itself; a template must not call them by name. */
const INTERNAL_HOOKS = ["helperMissing", "blockHelperMissing"] as const

export const KNOWN_HELPERS: readonly string[] = Object.freeze([
  ...BUILTIN_HELPERS,
  ...MAILER_HELPER_NAMES,
])

export const KNOWN_HELPER_SET: ReadonlySet<string> = new Set(KNOWN_HELPERS)

export function createTemplateEngine(): typeof Handlebars {
  const engine = Handlebars.create()
  for (const name of REMOVED_BUILTIN_HELPERS) engine.unregisterHelper(name)
  // `inline` is the only built-in decorator; without it {{#* inline}} cannot define partials.
  engine.unregisterDecorator("inline")
  for (const [name, helper] of mailerHelpers()) engine.registerHelper(name, helper)
  engine.registerHelper("each", meteredEach(engine.helpers.each!))
  return engine
}

/** Runtime data key of the mail's RenderMeter. */
const METER_DATA_KEY = "mailerMeter"

/**
 * Handlebars' own `each`, reporting every iteration to the mail's meter.
 * Sections over a list ({{#items}}) go through blockHelperMissing, which
 * calls this same `each` of the engine.
 */
function meteredEach(builtIn: Handlebars.HelperDelegate): Handlebars.HelperDelegate {
  const each = builtIn as (this: unknown, ...args: unknown[]) => unknown
  return function (this: unknown, ...args: unknown[]): unknown {
    const options = args[args.length - 1] as Handlebars.HelperOptions | undefined
    const meter = (options?.data as Record<string, unknown> | undefined)?.[METER_DATA_KEY]
    if (args.length !== 2 || !options || !(meter instanceof RenderMeter)) return each.apply(this, args)
    const fn = options.fn
    const counted = {
      ...options,
      fn: (context: unknown, frame?: Handlebars.RuntimeOptions) => {
        const output = fn(context, frame)
        meter.countIteration(output.length)
        return output
      },
    }
    return each.call(this, args[0], counted)
  }
}

/**
 * The knownHelpers compile option. Handlebars merges its own defaults (which
 * mark lookup, log and the hooks as known) under ours, so those are switched
 * off explicitly.
 */
function knownHelpersOption(): Record<string, boolean> {
  const option: Record<string, boolean> = Object.create(null)
  for (const name of [...REMOVED_BUILTIN_HELPERS, ...INTERNAL_HOOKS]) option[name] = false
  for (const name of KNOWN_HELPERS) option[name] = true
  return option
}

export function compileOptions(escape: boolean): CompileOptions {
  return {
    knownHelpers: knownHelpersOption(),
    knownHelpersOnly: true,
    noEscape: !escape,
    // strict: true would throw on every missing optional field (a customer without a company).
    strict: false,
    data: true,
    compat: false,
  }
}

/**
 * Explicit `false` rather than leaving them undefined: same protection, and
 * Handlebars then does not log "Access has been denied…" for every probe.
 */
const RUNTIME_PROTO_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
} as const

/** What one render call passes besides the data. */
export interface RenderRuntime {
  /** The mail's meter; a fresh one with the default limits when omitted. */
  meter?: RenderMeter
  /** Extra @-data (the layout's @mailerBody). */
  data?: Record<string, unknown>
}

export type CompiledTemplate = (data: object, runtime?: RenderRuntime) => string

export interface CompileStrictOptions {
  escape: boolean
  /** Which field problems are reported on; default "body_html". */
  field?: TemplateField
  /** Static limits; default RENDER_LIMITS. */
  limits?: Readonly<RenderLimits>
}

/**
 * Compiles a template eagerly (so errors are TEMPLATE_INVALID now, not at the
 * first render) with knownHelpersOnly. Partials, decorators, `{{{…}}}` and
 * unknown helpers are rejected even if the caller skipped validateTemplate.
 * The returned function throws TemplateError TEMPLATE_RENDER on runtime errors.
 */
const compiledByEngine = new WeakMap<typeof Handlebars, BoundedCache<CompiledTemplate>>()

/** compileStrict, remembered per engine and source: a template is checked and compiled once. */
export function compileStrict(
  engine: typeof Handlebars,
  source: string,
  options: CompileStrictOptions
): CompiledTemplate {
  let cache = compiledByEngine.get(engine)
  if (!cache) {
    cache = new BoundedCache<CompiledTemplate>()
    compiledByEngine.set(engine, cache)
  }
  const limits = options.limits && options.limits !== RENDER_LIMITS ? JSON.stringify(options.limits) : ""
  const key = `${options.escape ? 1 : 0}|${options.field ?? "body_html"}|${limits}|${source}`
  return cache.get(key) ?? cache.set(key, compileUncached(engine, source, options))
}

function compileUncached(
  engine: typeof Handlebars,
  source: string,
  options: CompileStrictOptions
): CompiledTemplate {
  const field = options.field ?? "body_html"
  const limits = options.limits ?? RENDER_LIMITS
  const checked = checkSource(field, source, limits, KNOWN_HELPER_SET)
  if (checked.problems.length > 0) throw rejectedTemplate(checked.problems)
  const compileOpts = compileOptions(options.escape)
  try {
    // precompile only generates source text (nothing runs); it surfaces compile errors now.
    engine.precompile(source, compileOpts)
  } catch (error) {
    throw new TemplateError("TEMPLATE_INVALID", [problemFromException(error, field)])
  }
  const template = engine.compile(source, compileOpts)
  return (data: object, runtime: RenderRuntime = {}): string => {
    const runtimeData = {
      ...runtime.data,
      [PLAIN_TEXT_DATA_KEY]: !options.escape,
      [METER_DATA_KEY]: runtime.meter ?? new RenderMeter(limits),
    }
    try {
      return template(data, { ...RUNTIME_PROTO_OPTIONS, data: runtimeData })
    } catch (error) {
      throw renderFailure(error, field)
    }
  }
}

/** Any exception of a render as a TemplateError: over budget (incl. a runaway RangeError) or a render failure. */
export function renderFailure(error: unknown, field: TemplateField): TemplateError {
  if (error instanceof TemplateError) return error
  if (isBudgetError(error)) {
    const message = error instanceof Error ? error.message : String(error)
    return new TemplateError("TEMPLATE_TOO_COMPLEX", [{ field, message, code: "TEMPLATE_TOO_COMPLEX" }])
  }
  return new TemplateError("TEMPLATE_RENDER", [problemFromException(error, field)])
}
