import { formatBytes, RenderLimits } from "./budget"
import { childrenOf, helperNameOf } from "./template-ast"
import { TemplateField, TemplateProblem } from "./template-error"

/**
 * The static half of the render budget (see budget.ts). Two passes, both
 * linear and neither recursive, so no input can make the check itself slow
 * or overflow the stack:
 * - prescanSource reads the raw text BEFORE Handlebars parses it, because
 *   the parser is the first thing deep nesting breaks (5,000 nested
 *   subexpressions take a minute to parse, 3,000 nested {{#if}} overflow it);
 * - measureProgram walks the parsed tree for the exact counts.
 */

type CallNode = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression

function tooComplex(field: TemplateField, message: string, line?: number): TemplateProblem {
  return line === undefined
    ? { field, message, code: "TEMPLATE_TOO_COMPLEX" }
    : { field, line, message, code: "TEMPLATE_TOO_COMPLEX" }
}

const sizeMessage = (limits: RenderLimits) => `Larger than ${formatBytes(limits.maxSourceBytes)}`
const nodesMessage = (limits: RenderLimits) =>
  `Too many template expressions (more than ${limits.maxNodes}); split the content or move repeated parts into a loop`
const depthMessage = (limits: RenderLimits) =>
  `Blocks or subexpressions are nested more than ${limits.maxDepth} levels deep`
const loopsMessage = (limits: RenderLimits) =>
  `Loops ({{#each}}) are nested more than ${limits.maxLoopNesting} levels deep`

export function checkSourceSize(field: TemplateField, source: string, limits: RenderLimits): TemplateProblem[] {
  return Buffer.byteLength(source, "utf8") > limits.maxSourceBytes ? [tooComplex(field, sizeMessage(limits))] : []
}

/**
 * Counts mustaches and an upper bound of the nesting from the text alone:
 * `{{#…}}`/`{{^…}}` open a level, `{{/…}}` closes it with the `{{else if …}}`
 * levels chained onto it, and parentheses inside a mustache are subexpressions.
 */
export function prescanSource(field: TemplateField, source: string, limits: RenderLimits): TemplateProblem[] {
  const open: number[] = [] // per open block: 1 + its chained {{else …}} levels
  let depth = 0
  let mustaches = 0
  let position = source.indexOf("{{")
  while (position >= 0) {
    const end = closingOf(source, position)
    const inner = source.slice(position + 2, end).replace(/^[{&~\s]+/, "")
    mustaches += 1
    if (mustaches > limits.maxNodes) return [tooComplex(field, nodesMessage(limits), lineAt(source, position))]
    if (!inner.startsWith("!")) {
      depth = nextDepth(inner, open, depth)
      if (depth + parenthesisDepth(inner) > limits.maxDepth) {
        return [tooComplex(field, depthMessage(limits), lineAt(source, position))]
      }
    }
    position = source.indexOf("{{", end)
  }
  return []
}

/** Where the mustache opened at `position` ends (comments may contain `}}`). */
function closingOf(source: string, position: number): number {
  const isLongComment = source.startsWith("{{!--", position)
  const close = source.indexOf(isLongComment ? "--}}" : "}}", position + 2)
  return close < 0 ? source.length : close + (isLongComment ? 4 : 2)
}

function nextDepth(inner: string, open: number[], depth: number): number {
  if (/^[#^]\s*[^\s}~]/.test(inner)) {
    open.push(1)
    return depth + 1
  }
  if (inner.startsWith("/")) return depth - (open.pop() ?? 0)
  if (/^else\s+[^\s}~]/.test(inner) && open.length > 0) {
    open[open.length - 1] += 1
    return depth + 1
  }
  return depth
}

/** Deepest parenthesis nesting outside string literals. */
function parenthesisDepth(inner: string): number {
  let depth = 0
  let deepest = 0
  let quote: string | undefined
  for (const char of inner) {
    if (quote) {
      if (char === quote) quote = undefined
    } else if (char === '"' || char === "'") {
      quote = char
    } else if (char === "(") {
      depth += 1
      deepest = Math.max(deepest, depth)
    } else if (char === ")") {
      depth = Math.max(0, depth - 1)
    }
  }
  return deepest
}

function lineAt(source: string, position: number): number {
  let line = 1
  for (let i = source.indexOf("\n"); i >= 0 && i < position; i = source.indexOf("\n", i + 1)) line += 1
  return line
}

interface Pending {
  node: hbs.AST.Node
  depth: number
  loops: number
}

/** Exact node count, nesting depth and loop nesting of a parsed template. */
export function measureProgram(
  program: hbs.AST.Program,
  field: TemplateField,
  limits: RenderLimits,
  knownHelpers: ReadonlySet<string>
): TemplateProblem[] {
  const pending: Pending[] = [{ node: program, depth: 0, loops: 0 }]
  let nodes = 0
  while (pending.length > 0) {
    const { node, depth, loops } = pending.pop()!
    if (node.type !== "Program" && node.type !== "ContentStatement" && node.type !== "CommentStatement") nodes += 1
    if (nodes > limits.maxNodes) return [tooComplex(field, nodesMessage(limits), node.loc?.start.line)]
    if (depth > limits.maxDepth) return [tooComplex(field, depthMessage(limits), node.loc?.start.line)]
    if (loops > limits.maxLoopNesting) return [tooComplex(field, loopsMessage(limits), node.loc?.start.line)]
    pending.push(...childEntries(node, depth, loops, knownHelpers))
  }
  return []
}

/** The children of a node with their depth and loop level. */
function childEntries(node: hbs.AST.Node, depth: number, loops: number, knownHelpers: ReadonlySet<string>): Pending[] {
  const nests = node.type === "BlockStatement" || node.type === "SubExpression" || node.type === "DecoratorBlock"
  const childDepth = nests ? depth + 1 : depth
  const block = node.type === "BlockStatement" ? (node as hbs.AST.BlockStatement) : undefined
  const loopProgram = block && isLoop(block, knownHelpers) ? block.program : undefined
  return childrenOf(node).map((child) => ({
    node: child,
    depth: childDepth,
    loops: child === loopProgram ? loops + 1 : loops,
  }))
}

/** {{#each x}}, or a section without a helper ({{#items}}), which iterates a list. */
function isLoop(block: hbs.AST.BlockStatement, knownHelpers: ReadonlySet<string>): boolean {
  const helper = helperNameOf(block as CallNode, knownHelpers)
  return helper === "each" || (helper === undefined && block.path.type === "PathExpression")
}
