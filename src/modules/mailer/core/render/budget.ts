/**
 * The render budget. Templates are edited by admins but rendered for every
 * mail on the server, so a template must not be able to occupy it: a few
 * hundred bytes of nested {{#each @root}} multiply into minutes, deep nesting
 * makes Handlebars' parser quadratic and its compiler overflow the stack.
 *
 * Three layers, cheapest first:
 * 1. static limits (static-limits.ts), checked at save and again at render,
 *    before anything expensive runs: size, expressions, nesting, nested loops;
 * 2. a meter while rendering (below): loop iterations and loop output per mail,
 *    so data that makes an accepted template explode stops deterministically;
 * 3. wall time and memory (render-pool.ts): the whole render runs in a worker
 *    thread that is terminated when it takes too long.
 * Every overrun is TEMPLATE_TOO_COMPLEX.
 */

export interface RenderLimits {
  /** UTF-8 bytes per template field (subject, body, text part, layout). */
  maxSourceBytes: number
  /** Handlebars nodes per field ({{x}} is 2: the mustache and its path; text does not count). */
  maxNodes: number
  /** Blocks, {{else if}} chains and subexpressions inside each other. */
  maxDepth: number
  /** {{#each}} and sections over a list ({{#items}}) inside each other. */
  maxLoopNesting: number
  /** Loop iterations per mail, all parts together. */
  maxIterations: number
  /** Characters produced inside loops per mail, and bytes of the finished mail. */
  maxOutputBytes: number
}

/**
 * Sized from the shipped templates (the largest, the order confirmation, has
 * 78 nodes, depth 3, one loop level) with ample room for a merchant's own,
 * and from measurements: a field at these limits parses and compiles in a
 * few hundred milliseconds on a busy two-core machine (50,000 nodes took 18 s).
 */
export const RENDER_LIMITS: Readonly<RenderLimits> = Object.freeze({
  maxSourceBytes: 256 * 1024,
  maxNodes: 2000,
  maxDepth: 20,
  maxLoopNesting: 3,
  maxIterations: 20_000,
  maxOutputBytes: 4 * 1024 * 1024,
})

/** Wall time for one mail in the render worker; a normal mail takes a few milliseconds. */
export const RENDER_TIMEOUT_MS = 5_000

/** Thrown by the meter; compileStrict turns it into TEMPLATE_TOO_COMPLEX for its field. */
export class BudgetExceeded extends Error {
  constructor(message: string) {
    super(message)
    this.name = "BudgetExceeded"
  }
}

/**
 * Counts what the loops of one mail do. One meter is shared by every part of
 * a mail (subject, body, layout, text part); Handlebars copies the runtime
 * data into each loop frame, so every nested {{#each}} sees the same meter.
 */
export class RenderMeter {
  private iterations = 0
  private loopOutput = 0

  constructor(readonly limits: Readonly<RenderLimits> = RENDER_LIMITS) {}

  /** Called after each loop iteration with the characters it produced. */
  countIteration(outputChars: number): void {
    this.iterations += 1
    // Nested loops count their output at every level: a bound, not an exact size.
    this.loopOutput += outputChars
    if (this.iterations > this.limits.maxIterations) {
      throw new BudgetExceeded(
        `The loops run more than ${this.limits.maxIterations} times for this mail`
      )
    }
    if (this.loopOutput > this.limits.maxOutputBytes) {
      throw new BudgetExceeded(
        `The loops produce more than ${formatBytes(this.limits.maxOutputBytes)} for this mail`
      )
    }
  }
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`
}

/**
 * Errors a runaway render produces on its own: deep recursion and strings
 * beyond V8's maximum length (both RangeErrors; Intl's RangeErrors are not).
 */
export function isBudgetError(error: unknown): boolean {
  if (error instanceof BudgetExceeded) return true
  return error instanceof RangeError && /call stack|string length/i.test(error.message)
}
