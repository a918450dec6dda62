import { REQUEST_ERRORS } from "../../../../modules/mailer/core/error-codes-request"
import {
  describeError,
  type ErrorParams,
  type MailerLanguage,
  type RequestErrorCode,
} from "../../../../modules/mailer/core/errors"
import { HTTP_ANSWERS } from "./http-answers"

/**
 * The admin API's refusals (request shape, unknown ids, conflicts) come from
 * the one error table in core (REQUEST_ERRORS); this adds their HTTP answer (http-answers.ts).
 */
type Params = ErrorParams

export type ApiErrorCode = RequestErrorCode

export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(REQUEST_ERRORS, code)
}

export function describeApiError(code: ApiErrorCode, lang: MailerLanguage, params: Params = {}) {
  const { status, type } = HTTP_ANSWERS[code]
  const { message, hint } = describeError(code, lang, params)
  return { status, type, message, hint }
}

/** What each kind of record is called in messages (German needs the article's ending). */
export const ENTITY_NAMES = {
  account: { entity: "mail account", entity_de: "E-Mail-Konto", entity_de_suffix: "" },
  template: { entity: "template", entity_de: "Vorlage", entity_de_suffix: "e" },
  message: { entity: "message", entity_de: "E-Mail im Protokoll", entity_de_suffix: "e" },
  order: { entity: "order", entity_de: "Bestellung", entity_de_suffix: "e" },
  user: { entity: "admin user", entity_de: "Admin-Benutzer", entity_de_suffix: "en" },
  sales_channel: { entity: "sales channel", entity_de: "Vertriebskanal", entity_de_suffix: "en" },
} as const

export type EntityName = keyof typeof ENTITY_NAMES
