import type { MailerLanguage } from "../../../../modules/mailer/core/errors"

/**
 * Texts of the errors only the admin API produces (request shape, unknown ids,
 * conflicts), in German and English. SMTP, template and configuration errors
 * come from the one error table in core/errors.ts; these are the HTTP-only
 * ones around it.
 */
type Params = Record<string, string | number | undefined>

interface ApiErrorText {
  status: number
  type: string
  en: (p: Params) => string
  de: (p: Params) => string
  hint_en?: string
  hint_de?: string
}

export const API_ERRORS = {
  INVALID_DATA: {
    status: 400,
    type: "invalid_data",
    en: () => "The request contains invalid data.",
    de: () => "Die Anfrage enthält ungültige Daten.",
  },
  INVALID_JSON: {
    status: 400,
    type: "invalid_data",
    en: () => "The request body is not valid JSON.",
    de: () => "Der Inhalt der Anfrage ist kein gültiges JSON.",
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    type: "invalid_data",
    en: (p) => `The request body is larger than ${p.limit}.`,
    de: (p) => `Der Inhalt der Anfrage ist größer als ${p.limit}.`,
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    type: "invalid_data",
    en: () => "Send the request body as JSON (Content-Type: application/json).",
    de: () => "Senden Sie den Inhalt der Anfrage als JSON (Content-Type: application/json).",
  },
  NOT_FOUND: {
    status: 404,
    type: "not_found",
    en: (p) => `No ${p.entity ?? "record"} with the id "${p.id}" exists.`,
    de: (p) => `Es gibt kein${p.entity_de_suffix ?? ""} ${p.entity_de ?? "Objekt"} mit der ID „${p.id}“.`,
  },
  CONFIRMATION_MISMATCH: {
    status: 400,
    type: "invalid_data",
    en: (p) => `To delete the account, type its sender address "${p.expected}" exactly.`,
    de: (p) => `Geben Sie zum Löschen die Absenderadresse „${p.expected}“ des Kontos genau ein.`,
  },
  TEMPLATE_EXISTS: {
    status: 409,
    type: "conflict",
    en: (p) => `A template for "${p.event_name}" in "${p.locale}" already exists for ${p.channel ?? "all sales channels"}.`,
    de: (p) => `Für „${p.event_name}“ in „${p.locale}“ gibt es bereits eine Vorlage für ${p.channel_de ?? "alle Vertriebskanäle"}.`,
    hint_en: "Edit the existing template instead, or delete it first.",
    hint_de: "Bearbeiten Sie die vorhandene Vorlage oder löschen Sie sie zuerst.",
  },
  UNKNOWN_EVENT: {
    status: 400,
    type: "invalid_data",
    en: (p) => `The plugin sends no mail for the event "${p.event_name}".`,
    de: (p) => `Für das Ereignis „${p.event_name}“ versendet das Plugin keine E-Mail.`,
    hint_en: "GET /admin/mailer/events lists the supported events.",
    hint_de: "GET /admin/mailer/events listet die unterstützten Ereignisse.",
  },
  NO_ORDER_CONTEXT: {
    status: 400,
    type: "invalid_data",
    en: (p) => `A real order cannot be used for "${p.event_name}"; leave order_id empty to use sample data.`,
    de: (p) => `Für „${p.event_name}“ kann keine echte Bestellung verwendet werden; lassen Sie order_id leer, um Beispieldaten zu verwenden.`,
  },
  DEFAULT_TEMPLATE_READ_ONLY: {
    status: 400,
    type: "not_allowed",
    en: () => "A shipped default template cannot be changed or deleted.",
    de: () => "Eine mitgelieferte Standardvorlage kann nicht geändert oder gelöscht werden.",
    hint_en: "Create a template for the same event and language (POST /admin/mailer/templates); it replaces the default.",
    hint_de: "Legen Sie eine Vorlage für dasselbe Ereignis und dieselbe Sprache an (POST /admin/mailer/templates); sie ersetzt die Standardvorlage.",
  },
  RESEND_NOT_POSSIBLE: {
    status: 400,
    type: "not_allowed",
    en: () => "This e-mail contained a one-time link (password reset or invitation) and cannot be sent again.",
    de: () => "Diese E-Mail enthielt einen einmaligen Link (Passwort zurücksetzen oder Einladung) und kann nicht erneut gesendet werden.",
    hint_en: "Ask the customer to request a new password, or send a new invitation from the admin.",
    hint_de: "Bitten Sie den Kunden, ein neues Passwort anzufordern, oder senden Sie im Admin-Bereich eine neue Einladung.",
  },
  CONFLICT: {
    status: 409,
    type: "conflict",
    en: () => "The change conflicts with the current data; reload and try again.",
    de: () => "Die Änderung steht im Konflikt mit den aktuellen Daten; laden Sie neu und versuchen Sie es noch einmal.",
  },
} as const satisfies Record<string, ApiErrorText>

export type ApiErrorCode = keyof typeof API_ERRORS

export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(API_ERRORS, code)
}

export function describeApiError(code: ApiErrorCode, lang: MailerLanguage, params: Params = {}) {
  const entry: ApiErrorText = API_ERRORS[code]
  const hint = lang === "de" ? entry.hint_de : entry.hint_en
  return {
    status: entry.status,
    type: entry.type,
    message: lang === "de" ? entry.de(params) : entry.en(params),
    ...(hint ? { hint } : {}),
  }
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
