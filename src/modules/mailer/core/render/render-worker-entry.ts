import type { RenderLimits } from "./budget"
import { renderParsedInput, RenderedEmail, RenderInput } from "./render-email"
import { TemplateError, TemplateErrorCode, TemplateProblem } from "./template-error"

/**
 * What the render worker thread loads (see render-pool.ts). It runs the same
 * render as renderEmailBlocking (minus the second JSON round trip of the
 * context: the job is JSON already), so a mail rendered in the worker is
 * byte for byte the mail the unit tests check.
 */

export interface WorkerJob {
  /** The RenderInput as JSON (serialiseRenderInput). */
  json: string
  limits: RenderLimits
}

export type WorkerReply =
  | { ok: true; rendered: RenderedEmail }
  | { ok: false; code: TemplateErrorCode; problems: TemplateProblem[] }

export function renderInWorker(job: WorkerJob): WorkerReply {
  try {
    const input = JSON.parse(job.json) as RenderInput
    return { ok: true, rendered: renderParsedInput(input, job.limits) }
  } catch (error) {
    if (error instanceof TemplateError) return { ok: false, code: error.code, problems: error.problems }
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, code: "TEMPLATE_RENDER", problems: [{ field: "body_html", message }] }
  }
}
