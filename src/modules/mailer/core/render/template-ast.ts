import Handlebars from "handlebars"
import { TemplateField, TemplateProblem } from "./template-error"

/**
 * Reading a template's syntax tree: parse errors with positions, and the
 * constructs a merchant-edited template may not use. Admin-edited templates
 * are code, so this is an allow-list check run on save and again before every
 * compile (see house-style-and-reliability.md, "Handlebars").
 */

/** Property names that only reach the prototype chain; never legitimate data. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
])

/** Built-ins that throw at render time unless given exactly one argument. */
const ONE_ARGUMENT_BLOCKS: ReadonlySet<string> = new Set(["if", "unless", "each", "with"])

export type ParseResult =
  | { program: hbs.AST.Program; problems: [] }
  | { program: undefined; problems: TemplateProblem[] }

export function parseTemplate(source: string, field: TemplateField): ParseResult {
  try {
    return { program: Handlebars.parse(source), problems: [] }
  } catch (error) {
    return { program: undefined, problems: [problemFromException(error, field)] }
  }
}

/**
 * Handlebars.Exception carries lineNumber and a 0-based column; Jison parse
 * errors only say "Parse error on line N:" in the message.
 */
export function problemFromException(error: unknown, field: TemplateField): TemplateProblem {
  const raw = error instanceof Error ? error.message : String(error)
  const record = (error ?? {}) as { lineNumber?: unknown; column?: unknown }
  const problem: TemplateProblem = { field, message: raw.replace(/ - \d+:\d+$/, "") }
  const parseLine = /Parse error on line (\d+)/.exec(raw)
  if (typeof record.lineNumber === "number") problem.line = record.lineNumber
  else if (parseLine) problem.line = Number(parseLine[1])
  if (typeof record.column === "number") problem.column = record.column + 1
  return problem
}

export function problemAt(
  node: hbs.AST.Node,
  field: TemplateField,
  message: string
): TemplateProblem {
  const start = node.loc?.start
  return start
    ? { field, line: start.line, column: start.column + 1, message }
    : { field, message }
}

/** Every child-bearing field any node type has; which are set depends on `type`. */
interface AnyNode {
  type: string
  body?: hbs.AST.Statement[]
  path?: hbs.AST.Node
  name?: hbs.AST.Node
  params?: hbs.AST.Expression[]
  hash?: hbs.AST.Hash
  program?: hbs.AST.Program
  inverse?: hbs.AST.Program
}

type CallNode = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression

/** Child nodes in source order; unknown node types have none. */
export function childrenOf(node: hbs.AST.Node): hbs.AST.Node[] {
  const n = node as AnyNode
  const hashValues = n.hash?.pairs?.map((pair) => pair.value) ?? []
  switch (node.type) {
    case "Program":
      return n.body ?? []
    case "MustacheStatement":
    case "Decorator":
    case "SubExpression":
      return [n.path!, ...(n.params ?? []), ...hashValues]
    case "BlockStatement":
    case "DecoratorBlock":
      return [n.path!, ...(n.params ?? []), ...hashValues, n.program!, n.inverse!].filter(Boolean)
    case "PartialStatement":
    case "PartialBlockStatement":
      return [n.name!, ...(n.params ?? []), ...hashValues, n.program!].filter(Boolean)
    default:
      return []
  }
}

/** Pre-order, source order; an explicit stack, so no template depth can overflow the call stack. */
export function forEachNode(root: hbs.AST.Node, visit: (node: hbs.AST.Node) => void): void {
  const pending: hbs.AST.Node[] = [root]
  while (pending.length > 0) {
    const node = pending.pop()!
    visit(node)
    const children = childrenOf(node)
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!)
  }
}

/** The helper a call node names, or undefined when the node is a plain variable. */
export function helperNameOf(node: CallNode, knownHelpers: ReadonlySet<string>): string | undefined {
  const name = pathName(node.path)
  const hasArguments = node.params.length > 0 || (node.hash?.pairs?.length ?? 0) > 0
  if (node.type === "SubExpression" || hasArguments) return name
  return isSimplePath(node.path) && knownHelpers.has(name) ? name : undefined
}

/** `{{"money" x}}` calls the helper named by the literal, as Handlebars does. */
function pathName(path: hbs.AST.PathExpression | hbs.AST.Literal): string {
  if (path.type === "PathExpression") return (path as hbs.AST.PathExpression).original
  return String((path as hbs.AST.StringLiteral).value)
}

function isSimplePath(path: hbs.AST.PathExpression | hbs.AST.Literal): boolean {
  if (path.type !== "PathExpression") return true
  const p = path as hbs.AST.PathExpression
  return p.parts.length === 1 && !p.data && p.depth === 0 && !/^(this|\.)/.test(p.original)
}

/**
 * Every construct a saved template may not contain: unescaped output, partials,
 * decorators, unknown helpers, prototype property names, misused built-ins.
 */
export function findForbiddenConstructs(
  program: hbs.AST.Program,
  field: TemplateField,
  knownHelpers: ReadonlySet<string>
): TemplateProblem[] {
  const problems: TemplateProblem[] = []
  forEachNode(program, (node) => {
    const message = forbiddenMessage(node, knownHelpers)
    if (message) problems.push(problemAt(node, field, message))
  })
  return problems
}

function forbiddenMessage(node: hbs.AST.Node, knownHelpers: ReadonlySet<string>): string | undefined {
  switch (node.type) {
    case "Decorator":
    case "DecoratorBlock":
      return "Decorators ({{* …}}, {{#* inline}}) are not allowed"
    case "PartialStatement":
    case "PartialBlockStatement":
      return "Partials ({{> …}}) are not allowed"
    case "PathExpression":
      return forbiddenSegmentMessage(node as hbs.AST.PathExpression)
    case "MustacheStatement":
      if (!(node as hbs.AST.MustacheStatement).escaped) {
        return "Unescaped output ({{{…}}} or {{& …}}) is not allowed; use {{…}}"
      }
      return literalPathMessage(node as CallNode) ?? callMessage(node as CallNode, knownHelpers)
    case "BlockStatement":
    case "SubExpression":
      return literalPathMessage(node as CallNode) ?? callMessage(node as CallNode, knownHelpers)
    default:
      return undefined
  }
}

function forbiddenSegmentMessage(path: hbs.AST.PathExpression): string | undefined {
  const bad = path.parts.find((part) => FORBIDDEN_SEGMENTS.has(part))
  return bad ? prototypeMessage(bad) : undefined
}

const prototypeMessage = (name: string) => `'${name}' is not a data field (prototype access is blocked)`

/**
 * `{{"constructor"}}` looks a property up by a string literal: the same
 * lookup as `{{constructor}}`, so the same names are refused.
 */
function literalPathMessage(node: CallNode): string | undefined {
  if (node.path.type === "PathExpression") return undefined
  const name = String((node.path as hbs.AST.StringLiteral).value)
  return FORBIDDEN_SEGMENTS.has(name) ? prototypeMessage(name) : undefined
}

function callMessage(node: CallNode, knownHelpers: ReadonlySet<string>): string | undefined {
  const name = helperNameOf(node, knownHelpers)
  if (name === undefined) return undefined
  if (!knownHelpers.has(name) || !isSimplePath(node.path)) return `Unknown helper '${name}'`
  if (ONE_ARGUMENT_BLOCKS.has(name) && node.params.length !== 1) {
    return `'${name}' needs exactly one argument`
  }
  return undefined
}
