import type { RequestErrorCode } from "../../../../modules/mailer/core/errors"

/**
 * How the admin API answers each request error of the core's table: the HTTP status and
 * Medusa's error type. HTTP belongs to this layer; the core only names the code.
 */
type HttpAnswer = { status: number; type: string }

const INVALID: HttpAnswer = { status: 400, type: "invalid_data" }
const NOT_ALLOWED: HttpAnswer = { status: 400, type: "not_allowed" }
const CONFLICT: HttpAnswer = { status: 409, type: "conflict" }

export const HTTP_ANSWERS: Record<RequestErrorCode, HttpAnswer> = {
  INVALID_DATA: INVALID,
  INVALID_JSON: INVALID,
  PAYLOAD_TOO_LARGE: { status: 413, type: "invalid_data" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, type: "invalid_data" },
  NOT_FOUND: { status: 404, type: "not_found" },
  CONFIRMATION_MISMATCH: INVALID,
  TEMPLATE_EXISTS: CONFLICT,
  UNKNOWN_EVENT: INVALID,
  NO_ORDER_CONTEXT: INVALID,
  DEFAULT_TEMPLATE_READ_ONLY: NOT_ALLOWED,
  RESEND_NOT_POSSIBLE: NOT_ALLOWED,
  RETRY_NOT_POSSIBLE: CONFLICT,
  PASSWORD_REQUIRED: INVALID,
  OAUTH_NOT_CONFIGURED: CONFLICT,
  OAUTH_STATE_INVALID: INVALID,
  OAUTH_PROVIDER_ERROR: { status: 502, type: "unexpected_state" },
  OAUTH_IDENTITY_MISMATCH: INVALID,
  CONFLICT,
}
