import { helperNameOf, problemAt } from "./template-ast"
import { TemplateField, TemplateProblem } from "./template-error"

/**
 * "Unknown variable" warnings: variables whose first segment is not in the
 * sample context. Context-changing blocks ({{#each}}, {{#with}}, sections)
 * are followed, so `{{name}}` inside `{{#each items}}` is checked against
 * `items[0]`, `../x` against the outer scope and `as |item|` block params
 * against their value. Where the sample cannot tell (empty list, primitive
 * item), nothing is reported: a warning must never be a false alarm.
 */

/** Keys renderEmail always adds to the data (see render-email.ts). */
export const RESERVED_DATA_KEYS: readonly string[] = [
  "_staff",
  "_locale",
  "_currency",
  "_timezone",
  "_subject",
  "_sender_name",
  "signature",
  "greeting",
]

const UNKNOWN = Symbol("unknown")
type SampleValue = unknown

interface Scope {
  value: SampleValue
  blockParams: Map<string, SampleValue>
}

interface WalkState {
  field: TemplateField
  knownHelpers: ReadonlySet<string>
  warnings: TemplateProblem[]
  reported: Set<string>
}

export function findUnknownVariables(
  program: hbs.AST.Program,
  field: TemplateField,
  sample: object,
  knownHelpers: ReadonlySet<string>
): TemplateProblem[] {
  const root: Record<string, unknown> = { ...(sample as Record<string, unknown>) }
  for (const key of RESERVED_DATA_KEYS) root[key] = ""
  const state: WalkState = { field, knownHelpers, warnings: [], reported: new Set() }
  walkProgram(program, [{ value: root, blockParams: new Map() }], state)
  return state.warnings
}

function walkProgram(program: hbs.AST.Program | undefined, stack: Scope[], state: WalkState) {
  for (const statement of program?.body ?? []) walkStatement(statement, stack, state)
}

function walkStatement(node: hbs.AST.Node, stack: Scope[], state: WalkState): void {
  if (node.type === "MustacheStatement" || node.type === "SubExpression") {
    walkCall(node as hbs.AST.MustacheStatement, stack, state)
  } else if (node.type === "BlockStatement") {
    walkBlock(node as hbs.AST.BlockStatement, stack, state)
  }
}

/** Checks the call's path (when it is a variable) and every argument. */
function walkCall(
  node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement,
  stack: Scope[],
  state: WalkState
): void {
  if (helperNameOf(node, state.knownHelpers) === undefined) {
    if (node.path.type === "PathExpression") resolve(node.path as hbs.AST.PathExpression, stack, state)
  }
  const argumentsOf = [...node.params, ...(node.hash?.pairs ?? []).map((pair) => pair.value)]
  for (const argument of argumentsOf) walkExpression(argument, stack, state)
}

function walkExpression(node: hbs.AST.Node, stack: Scope[], state: WalkState): SampleValue {
  if (node.type === "PathExpression") return resolve(node as hbs.AST.PathExpression, stack, state)
  if (node.type === "SubExpression") walkCall(node as hbs.AST.SubExpression, stack, state)
  return UNKNOWN
}

function walkBlock(node: hbs.AST.BlockStatement, stack: Scope[], state: WalkState): void {
  walkCall(node, stack, state)
  const helper = helperNameOf(node, state.knownHelpers)
  const argument = node.params[0] ? evaluate(node.params[0], stack) : UNKNOWN
  const blockParamNames = node.program?.blockParams ?? []
  let inner: Scope | undefined
  if (helper === "each") inner = scopeFor(firstItem(argument), blockParamNames)
  else if (helper === "with") inner = scopeFor(argument, blockParamNames)
  else if (helper === undefined) inner = sectionScope(node.path as hbs.AST.PathExpression, stack)
  walkProgram(node.program, inner ? [...stack, inner] : stack, state)
  walkProgram(node.inverse, stack, state)
}

/** `{{#items}}` without a helper: Handlebars iterates arrays and enters objects. */
function sectionScope(path: hbs.AST.PathExpression, stack: Scope[]): Scope | undefined {
  const value = evaluate(path, stack)
  if (Array.isArray(value)) return scopeFor(firstItem(value), [])
  return isRecord(value) ? scopeFor(value, []) : undefined
}

function scopeFor(value: SampleValue, blockParamNames: string[]): Scope {
  const blockParams = new Map<string, SampleValue>()
  if (blockParamNames[0]) blockParams.set(blockParamNames[0], value)
  if (blockParamNames[1]) blockParams.set(blockParamNames[1], UNKNOWN)
  return { value, blockParams }
}

function firstItem(value: SampleValue): SampleValue {
  if (Array.isArray(value)) return value.length > 0 ? value[0] : UNKNOWN
  if (isRecord(value)) {
    const values = Object.values(value)
    return values.length > 0 ? values[0] : UNKNOWN
  }
  return UNKNOWN
}

/** The sample value a path points at, without reporting anything. */
function evaluate(node: hbs.AST.Node, stack: Scope[]): SampleValue {
  if (node.type !== "PathExpression") return UNKNOWN
  return resolve(node as hbs.AST.PathExpression, stack, undefined)
}

/** Resolves a path against the scopes; reports an unknown first segment when `state` is given. */
function resolve(path: hbs.AST.PathExpression, stack: Scope[], state: WalkState | undefined): SampleValue {
  const start = startingPoint(path, stack)
  if (!start) return UNKNOWN
  let value = start.value
  start.parts.forEach((part, index) => {
    if (!isRecord(value)) {
      value = UNKNOWN
      return
    }
    const present = Object.prototype.hasOwnProperty.call(value, part)
    if (!present && index === 0 && start.checkFirst && state) report(path, state)
    value = present ? value[part] : UNKNOWN
  })
  return value
}

interface StartingPoint {
  value: SampleValue
  parts: string[]
  checkFirst: boolean
}

function startingPoint(path: hbs.AST.PathExpression, stack: Scope[]): StartingPoint | undefined {
  if (path.data) {
    // Only @root.x can be checked; @index, @key, @first… are Handlebars' own.
    if (path.parts[0] !== "root") return undefined
    return { value: stack[0]?.value, parts: path.parts.slice(1), checkFirst: true }
  }
  const scope = stack[stack.length - 1 - path.depth]
  if (!scope) return undefined
  const [head, ...rest] = path.parts
  if (head !== undefined && path.depth === 0 && !/^(this|\.)/.test(path.original)) {
    for (let i = stack.length - 1; i >= 0; i--) {
      const params = stack[i]!.blockParams
      if (params.has(head)) return { value: params.get(head), parts: rest, checkFirst: false }
    }
  }
  return { value: scope.value, parts: path.parts, checkFirst: scope.value !== UNKNOWN }
}

function report(path: hbs.AST.PathExpression, state: WalkState): void {
  const name = path.data ? `@root.${path.parts[1]}` : path.parts[0]!
  if (state.reported.has(name)) return
  state.reported.add(name)
  state.warnings.push(problemAt(path, state.field, `Unknown variable '${name}'`))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
}
