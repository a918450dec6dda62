import { Worker } from "node:worker_threads"
import { RENDER_LIMITS, RENDER_TIMEOUT_MS, RenderLimits } from "./budget"
import { RenderedEmail, RenderInput, serialiseRenderInput } from "./render-email"
import type { WorkerJob, WorkerReply } from "./render-worker-entry"
import { TemplateError, TemplateErrorCode, TemplateProblem } from "./template-error"

/**
 * The wall-time half of the render budget. A Handlebars render is synchronous
 * and cannot be interrupted on the thread that runs it, so mails are rendered
 * in worker threads; a worker that exceeds the time (or memory) is terminated
 * and replaced, its mail fails with TEMPLATE_TOO_COMPLEX, and the server's
 * event loop never waited on it.
 *
 * The worker is started from a source string (eval) that loads
 * render-worker-entry by absolute path: the built plugin ships it as .js; in
 * tests (@swc/jest) and `medusa develop` it is .ts, which the worker compiles
 * on load with @swc/core, a dev dependency present wherever .ts runs.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads")
const load = require("node:module").createRequire(workerData.entry)
if (workerData.entry.endsWith(".ts")) {
  const swc = load("@swc/core")
  const fs = require("node:fs")
  load.extensions[".ts"] = (module, filename) => {
    const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), {
      filename,
      module: { type: "commonjs" },
      jsc: { parser: { syntax: "typescript" }, target: "es2021" },
    })
    module._compile(code, filename)
  }
}
const { renderInWorker } = load(workerData.entry)
parentPort.on("message", (job) => parentPort.postMessage(renderInWorker(job)))
parentPort.postMessage({ ready: true })
`

/** Heap of one worker: far above a mail (a few MB), far below what hurts the server. */
const WORKER_HEAP_MB = 256

export interface RenderOptions {
  /** Wall time for this mail; default RENDER_TIMEOUT_MS. */
  timeoutMs?: number
  /** Static and meter limits; default RENDER_LIMITS. */
  limits?: Readonly<RenderLimits>
}

interface Job {
  message: WorkerJob
  timeoutMs: number
  resolve: (rendered: RenderedEmail) => void
  reject: (error: TemplateError) => void
}

interface Slot {
  worker: Worker
  /** Loaded and listening. Starting a worker (and compiling .ts in tests) can take seconds on a
   * loaded machine; that time must not count against a mail's render budget. */
  ready: boolean
  job?: Job
  timer?: NodeJS.Timeout
}

function failure(code: TemplateErrorCode, message: string): TemplateError {
  const problem: TemplateProblem = { field: "body_html", message }
  if (code === "TEMPLATE_TOO_COMPLEX") problem.code = code
  return new TemplateError(code, [problem])
}

export class RenderPool {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []

  constructor(
    private readonly size = 2,
    private readonly entry = require.resolve("./render-worker-entry")
  ) {}

  /** Renders in a worker; rejects only with TemplateError. */
  render(input: RenderInput, options: RenderOptions = {}): Promise<RenderedEmail> {
    let json: string
    try {
      json = serialiseRenderInput(input)
    } catch (error) {
      if (error instanceof TemplateError) return Promise.reject(error)
      return Promise.reject(failure("TEMPLATE_RENDER", error instanceof Error ? error.message : String(error)))
    }
    const limits = options.limits ?? RENDER_LIMITS
    return new Promise<RenderedEmail>((resolve, reject) => {
      this.queue.push({ message: { json, limits }, timeoutMs: options.timeoutMs ?? RENDER_TIMEOUT_MS, resolve, reject })
      this.dispatch()
    })
  }

  /** Workers currently running (started lazily, at most `size`). */
  get workerCount(): number {
    return this.slots.length
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0)
    for (const slot of slots) this.settle(slot)?.reject(failure("TEMPLATE_RENDER", "The render pool was closed"))
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.ready && !s.job)
      if (!slot) {
        // Start another worker while there is room; it takes the queue once it is ready.
        if (!this.slots.some((s) => !s.ready)) this.startWorker()
        return
      }
      const job = this.queue.shift()!
      slot.job = job
      // The clock starts when a worker takes the mail, not while it waits in the queue.
      slot.timer = setTimeout(() => {
        this.discard(slot, failure("TEMPLATE_TOO_COMPLEX", `Rendering took longer than ${job.timeoutMs} ms`))
      }, job.timeoutMs)
      slot.worker.postMessage(job.message)
    }
  }

  private startWorker(): Slot | undefined {
    if (this.slots.length >= this.size) return undefined
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { entry: this.entry },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    })
    // An idle worker must not keep a server or a test run from exiting.
    worker.unref()
    const slot: Slot = { worker, ready: false }
    worker.on("message", (reply: WorkerReply | { ready: true }) => {
      if ("ready" in reply) {
        slot.ready = true
        return this.dispatch()
      }
      this.finish(slot, reply)
    })
    worker.on("error", (error) => this.discard(slot, crashFailure(error)))
    worker.on("exit", () => this.discard(slot, failure("TEMPLATE_RENDER", "The render worker stopped")))
    this.slots.push(slot)
    return slot
  }

  private finish(slot: Slot, reply: WorkerReply): void {
    const job = this.settle(slot)
    if (reply.ok) job?.resolve(reply.rendered)
    else job?.reject(new TemplateError(reply.code, reply.problems))
    this.dispatch()
  }

  /** Takes a worker out of the pool (timeout, crash, exit) and fails its mail. */
  private discard(slot: Slot, error: TemplateError): void {
    const index = this.slots.indexOf(slot)
    if (index < 0) return
    this.slots.splice(index, 1)
    // A worker that dies before it is ready fails the next mail, so a broken worker cannot be
    // restarted forever while the queue waits.
    const job = this.settle(slot) ?? (slot.ready ? undefined : this.queue.shift())
    void slot.worker.terminate()
    job?.reject(error)
    this.dispatch()
  }

  private settle(slot: Slot): Job | undefined {
    const job = slot.job
    clearTimeout(slot.timer)
    slot.job = undefined
    slot.timer = undefined
    return job
  }
}

function crashFailure(error: unknown): TemplateError {
  const code = (error as { code?: unknown })?.code
  if (code === "ERR_WORKER_OUT_OF_MEMORY") {
    return failure("TEMPLATE_TOO_COMPLEX", `Rendering needed more than ${WORKER_HEAP_MB} MB of memory`)
  }
  const message = error instanceof Error ? error.message : String(error)
  return failure("TEMPLATE_RENDER", `The render worker failed: ${message}`)
}

let sharedPool: RenderPool | undefined

/**
 * Renders one mail within the budget: static limits, the meter, and
 * RENDER_TIMEOUT_MS of wall time in a worker thread. Use this on the server;
 * it rejects only with TemplateError (TEMPLATE_INVALID, TEMPLATE_RENDER,
 * TEMPLATE_TOO_COMPLEX).
 */
export function renderEmail(input: RenderInput, options: RenderOptions = {}): Promise<RenderedEmail> {
  sharedPool ??= new RenderPool()
  return sharedPool.render(input, options)
}
