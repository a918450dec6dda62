import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ApiError, sendError } from "./http-errors"

/**
 * The JSON body parser of the mailer routes (Medusa's own is switched off for
 * them in middlewares.ts). It runs after authentication and answers a broken
 * or oversized body in the API's error shape instead of body-parser's: bad
 * JSON is a 400 INVALID_JSON, a body over the limit a 413 PAYLOAD_TOO_LARGE.
 * The limit leaves room for three template fields of MAX_TEMPLATE_BYTES each,
 * so a template that is merely too big is answered by the template check.
 */
export const JSON_BODY_LIMIT_BYTES = 2 * 1024 * 1024
const LIMIT_LABEL = "2 MB"

export async function mailerJsonBody(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!hasBody(req)) {
    req.body = req.body ?? {}
    return next()
  }
  try {
    const type = String(req.headers["content-type"] ?? "")
    if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
      req.resume()
      throw new ApiError("UNSUPPORTED_MEDIA_TYPE")
    }
    const raw = await readLimited(req, JSON_BODY_LIMIT_BYTES)
    req.body = parseJson(raw)
    next()
  } catch (err) {
    if (!sendError(req, res, err)) next(err)
  }
}

function hasBody(req: MedusaRequest): boolean {
  if (req.headers["transfer-encoding"] !== undefined) return true
  const length = Number(req.headers["content-length"] ?? 0)
  return Number.isFinite(length) && length > 0
}

function parseJson(raw: string): unknown {
  if (raw.trim() === "") return {}
  try {
    return JSON.parse(raw)
  } catch {
    throw new ApiError("INVALID_JSON")
  }
}

function readLimited(req: MedusaRequest, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0)
  if (declared > limit) {
    req.resume()
    return Promise.reject(new ApiError("PAYLOAD_TOO_LARGE", { params: { limit: LIMIT_LABEL } }))
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    const finish = (fn: () => void) => {
      if (done) return
      done = true
      fn()
    }
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        // Keep draining so the client can read the answer, but stop collecting.
        finish(() => reject(new ApiError("PAYLOAD_TOO_LARGE", { params: { limit: LIMIT_LABEL } })))
        chunks.length = 0
        return
      }
      if (!done) chunks.push(chunk)
    })
    req.on("end", () => finish(() => resolve(Buffer.concat(chunks).toString("utf8"))))
    req.on("error", (err) => finish(() => reject(err)))
  })
}
