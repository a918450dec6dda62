import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import {
  describeError,
  isMailerError,
  isMailerErrorCode,
  type ErrorContext,
  type MailerErrorCode,
  type MailerLanguage,
} from "../../../../modules/mailer/core/errors"
import { isTemplateError, type TemplateProblem } from "../../../../modules/mailer/core/render"
import { describeApiError, ENTITY_NAMES, isApiErrorCode, type ApiErrorCode, type EntityName } from "./api-messages"
import { requestLanguage } from "./accept-language"
import { toFieldErrors, type FieldError } from "./field-errors"

/**
 * The admin API's error boundary. Handlers and helpers throw ApiError (or let
 * MailerError, TemplateError, zod and Medusa errors through); only here do
 * they become an HTTP status and `{ type, code, message, hint?, errors? }`
 * in the request's language (Accept-Language, default English).
 */
export interface ErrorBody {
  type: string
  code: string
  message: string
  hint?: string
  errors?: unknown[]
  [extra: string]: unknown
}

export { requestLanguage }

type ZodIssues = z.core.$ZodIssue[]

interface ApiErrorOptions {
  params?: Record<string, string | number | undefined>
  /** zod issues and the input they were raised for; become `errors: [{field, code, message}]`. */
  issues?: { list: ZodIssues; input: unknown }
  /** Field errors already in their final form (template problems, cross-field checks). */
  errors?: unknown[]
  /** Overrides the table's status (e.g. a MailerError code answered with 400). */
  status?: number
  /** Technical detail shown next to the merchant text (e.g. the SMTP server's reply). */
  detail?: string
  /** Where a delivery error happened, so its hint fits (a "test and save" is never retried). */
  context?: ErrorContext
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode | MailerErrorCode,
    readonly options: ApiErrorOptions = {}
  ) {
    super(code)
    this.name = "ApiError"
  }
}

export function notFound(entity: EntityName, id: string): ApiError {
  return new ApiError("NOT_FOUND", { params: { ...ENTITY_NAMES[entity], id } })
}

/** Parses with a zod schema or throws INVALID_DATA with one sentence per field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (!result.success) {
    throw new ApiError("INVALID_DATA", { issues: { list: result.error.issues, input } })
  }
  return result.data
}

/** A field error built by hand, for checks zod cannot make (they need the database or the core). */
export function fieldError(field: string, code: string, message: { en: string; de: string }) {
  return { field, code, message }
}

export function errorBody(err: unknown, lang: MailerLanguage): { status: number; body: ErrorBody } | null {
  if (err instanceof ApiError) return apiErrorBody(err, lang)
  if (isTemplateError(err)) {
    return mailerCodeBody(err.code, lang, 400, { errors: templateErrors(err.problems) })
  }
  if (isMailerError(err)) return mailerCodeBody(err.code, lang, 400, { detail: err.message })
  return medusaErrorBody(err, lang)
}

function apiErrorBody(err: ApiError, lang: MailerLanguage) {
  const { options } = err
  const errors = options.issues
    ? toFieldErrors(options.issues.list as any, options.issues.input, lang)
    : options.errors?.map((e) => localiseFieldError(e, lang))
  if (isApiErrorCode(err.code)) {
    const { status, ...described } = describeApiError(err.code, lang, options.params)
    const message = errors?.length && err.code === "INVALID_DATA" ? summarise(errors as FieldError[], described.message) : described.message
    const body: ErrorBody = { ...described, message, code: err.code }
    if (errors?.length) body.errors = errors
    if (options.detail) body.detail = options.detail
    return { status: options.status ?? status, body }
  }
  return mailerCodeBody(err.code, lang, options.status ?? 400, { errors, detail: options.detail, context: options.context })
}

function mailerCodeBody(
  code: string,
  lang: MailerLanguage,
  status: number,
  extra: { errors?: unknown[]; detail?: string; context?: ErrorContext }
) {
  const described = describeError(isMailerErrorCode(code) ? code : "UNKNOWN", lang, {}, extra.context)
  const body: ErrorBody = { type: "invalid_data", code, message: described.message, hint: described.hint }
  if (extra.errors?.length) body.errors = extra.errors
  if (extra.detail && extra.detail !== described.message) body.detail = extra.detail
  return { status, body }
}

/** Template problems as `{field, line, column, message}` (the core writes them in English). */
export function templateErrors(problems: TemplateProblem[]) {
  return problems.map((p) => ({
    field: p.field,
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.column !== undefined ? { column: p.column } : {}),
    message: p.message,
  }))
}

function localiseFieldError(error: unknown, lang: MailerLanguage): unknown {
  const e = error as { message?: unknown }
  if (e && typeof e.message === "object" && e.message !== null && "en" in e.message) {
    const texts = e.message as { en: string; de: string }
    return { ...e, message: lang === "de" ? texts.de : texts.en }
  }
  return error
}

function summarise(errors: FieldError[], fallback: string): string {
  const sentences = errors.map((e) => e.message)
  return sentences.length ? sentences.join(" ") : fallback
}

/** Medusa's own errors (duck-typed: workflow runs hand them back as plain objects). */
function medusaErrorBody(err: unknown, lang: MailerLanguage) {
  const e = (err ?? {}) as { type?: unknown; message?: unknown; code?: unknown }
  const detail = typeof e.message === "string" ? e.message : undefined
  switch (e.type) {
    case "not_found": {
      const { status, ...described } = describeApiError("NOT_FOUND", lang, { id: idIn(detail) })
      return { status, body: { ...described, code: "NOT_FOUND", ...(detail ? { detail } : {}) } }
    }
    case "invalid_data":
    case "invalid_argument":
    case "not_allowed": {
      const { status, ...described } = describeApiError("INVALID_DATA", lang)
      return { status, body: { ...described, code: "INVALID_DATA", message: detail ?? described.message } }
    }
    case "duplicate_error":
    case "conflict": {
      const { status, ...described } = describeApiError("CONFLICT", lang)
      return { status, body: { ...described, code: "CONFLICT", ...(detail ? { detail } : {}) } }
    }
  }
  if (e.code === "23505") {
    const { status, ...described } = describeApiError("CONFLICT", lang)
    return { status, body: { ...described, code: "CONFLICT" } }
  }
  return null
}

function idIn(message: string | undefined): string {
  return message?.match(/id:?\s*"?([\w:.-]+)"?/)?.[1] ?? "?"
}

export function sendError(req: MedusaRequest, res: MedusaResponse, err: unknown): boolean {
  const mapped = errorBody(err, requestLanguage(req))
  if (!mapped) return false
  res.status(mapped.status).json(mapped.body)
  return true
}

type Handler = (req: any, res: MedusaResponse) => Promise<unknown>

/**
 * Wraps a route handler: known errors are answered here; anything else goes
 * to Medusa's error handler (a 500 that is logged), which only real bugs reach.
 */
export function route(handler: Handler) {
  return async function mailerRoute(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    try {
      await handler(req, res)
    } catch (err) {
      if (!sendError(req, res, err)) next(err)
    }
  }
}
