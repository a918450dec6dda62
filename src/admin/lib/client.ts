import { useTranslation } from "react-i18next"
import { sdk } from "./sdk"

/**
 * The plugin's admin API answers errors as `{ type, code, message, hint?, detail?, errors? }`
 * in the language of `Accept-Language`. The JS SDK's FetchError keeps only the message, so the
 * plugin calls its own routes with fetch (same session cookie as the dashboard) and keeps the
 * whole error: the merchant needs the hint and the server's reply.
 */
export interface FieldProblem {
  field: string
  code?: string
  message: string
  line?: number
  column?: number
}

export class MailerApiError extends Error {
  readonly status: number
  readonly code: string
  readonly hint: string | null
  readonly detail: string | null
  readonly errors: FieldProblem[]

  constructor(status: number, body: Record<string, any>) {
    super(typeof body.message === "string" ? body.message : `HTTP ${status}`)
    this.name = "MailerApiError"
    this.status = status
    this.code = typeof body.code === "string" ? body.code : "UNKNOWN"
    this.hint = typeof body.hint === "string" ? body.hint : null
    this.detail = typeof body.detail === "string" ? body.detail : null
    this.errors = Array.isArray(body.errors) ? body.errors : []
  }
}

export type MailerLanguage = "de" | "en"

export interface MailerFetchOptions {
  method?: "GET" | "POST" | "DELETE"
  body?: unknown
  query?: Record<string, string | number | boolean | string[] | undefined | null>
  language: MailerLanguage
}

function baseUrl(): string {
  const configured = (sdk.client as unknown as { config?: { baseUrl?: string } }).config?.baseUrl ?? "/"
  return configured.endsWith("/") ? configured.slice(0, -1) : configured
}

export function mailerUrl(path: string, query?: MailerFetchOptions["query"]): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue
    params.set(key, Array.isArray(value) ? value.join(",") : String(value))
  }
  const search = params.toString()
  return `${baseUrl()}/admin/mailer${path}${search ? `?${search}` : ""}`
}

export async function mailerFetch<T>(path: string, options: MailerFetchOptions): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": options.language }
  if (options.body !== undefined) headers["content-type"] = "application/json"
  const response = await fetch(mailerUrl(path, options.query), {
    method: options.method ?? "GET",
    credentials: "include",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new MailerApiError(response.status, body)
  return body as T
}

/** The dashboard's language as the plugin speaks it (German or English). */
export function useMailerLanguage(): MailerLanguage {
  const { i18n } = useTranslation()
  return (i18n?.language ?? "en").toLowerCase().startsWith("de") ? "de" : "en"
}
