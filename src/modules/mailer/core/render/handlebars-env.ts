import Handlebars from "handlebars"
import { MAILER_HELPER_NAMES, mailerHelpers, PLAIN_TEXT_DATA_KEY } from "./helpers"
import {
  findForbiddenConstructs,
  parseTemplate,
  problemFromException,
} from "./template-ast"
import { TemplateError, TemplateField } from "./template-error"
import { BoundedCache } from "./bounded-cache"

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
  return engine
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

export type CompiledTemplate = (data: object) => string

export interface CompileStrictOptions {
  escape: boolean
  /** Which field problems are reported on; default "body_html". */
  field?: TemplateField
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
  const key = `${options.escape ? 1 : 0}|${options.field ?? "body_html"}|${source}`
  return cache.get(key) ?? cache.set(key, compileUncached(engine, source, options))
}

function compileUncached(
  engine: typeof Handlebars,
  source: string,
  options: CompileStrictOptions
): CompiledTemplate {
  const field = options.field ?? "body_html"
  const parsed = parseTemplate(source, field)
  const problems = parsed.program
    ? findForbiddenConstructs(parsed.program, field, KNOWN_HELPER_SET)
    : parsed.problems
  if (problems.length > 0) throw new TemplateError("TEMPLATE_INVALID", problems)
  const compileOpts = compileOptions(options.escape)
  try {
    // precompile only generates source text (nothing runs); it surfaces compile errors now.
    engine.precompile(source, compileOpts)
  } catch (error) {
    throw new TemplateError("TEMPLATE_INVALID", [problemFromException(error, field)])
  }
  const template = engine.compile(source, compileOpts)
  const runtimeData = { [PLAIN_TEXT_DATA_KEY]: !options.escape }
  return (data: object): string => {
    try {
      return template(data, { ...RUNTIME_PROTO_OPTIONS, data: runtimeData })
    } catch (error) {
      throw new TemplateError("TEMPLATE_RENDER", [problemFromException(error, field)])
    }
  }
}
