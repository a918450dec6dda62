import type { RequestErrorCode } from "../../../../modules/mailer/core/errors"

/**
 * How the admin API answers each request error of the core's table: the HTTP status and
 * Medusa's error type. HTTP belongs to this layer; the core only names the code.
 */
export const HTTP_ANSWERS: Record<RequestErrorCode, { status: number; type: string }> = {
  INVALID_DATA: { status: 400, type: "invalid_data" },
  INVALID_JSON: { status: 400, type: "invalid_data" },
  PAYLOAD_TOO_LARGE: { status: 413, type: "invalid_data" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, type: "invalid_data" },
  NOT_FOUND: { status: 404, type: "not_found" },
  CONFIRMATION_MISMATCH: { status: 400, type: "invalid_data" },
  TEMPLATE_EXISTS: { status: 409, type: "conflict" },
  UNKNOWN_EVENT: { status: 400, type: "invalid_data" },
  NO_ORDER_CONTEXT: { status: 400, type: "invalid_data" },
  DEFAULT_TEMPLATE_READ_ONLY: { status: 400, type: "not_allowed" },
  RESEND_NOT_POSSIBLE: { status: 400, type: "not_allowed" },
  PASSWORD_REQUIRED: { status: 400, type: "invalid_data" },
  CONFLICT: { status: 409, type: "conflict" },
}
