import type { MailerLanguage } from "../../../../modules/mailer/core/errors"

/**
 * zod issues → one sentence per field, in German or English. Schemas name
 * their own rules with a code as the issue message (e.g. `.regex(re,
 * "INVALID_HOST")`); everything else is read from zod's issue shape.
 */
export interface FieldError {
  field: string
  code: string
  message: string
}

type Issue = {
  code: string
  path: PropertyKey[]
  message: string
  expected?: string
  origin?: string
  minimum?: number | bigint
  maximum?: number | bigint
  format?: string
  values?: unknown[]
  keys?: string[]
}

type Sentence = (field: string, issue: Issue) => string

/** Rules the schemas name with a code (the issue message is the code). */
const CUSTOM: Record<string, { en: Sentence; de: Sentence }> = {
  INVALID_EMAIL: {
    en: (f) => `"${f}" is not a valid e-mail address.`,
    de: (f) => `„${f}“ ist keine gültige E-Mail-Adresse.`,
  },
  INVALID_HOST: {
    en: (f) => `"${f}" must be a host name or IP address without spaces, e.g. smtp.example.com.`,
    de: (f) => `„${f}“ muss ein Servername oder eine IP-Adresse ohne Leerzeichen sein, z. B. smtp.example.com.`,
  },
  HOST_NOT_ALLOWED: {
    en: (f) => `"${f}" must not be a link-local or cloud metadata address (169.254.x.x, fe80::…, metadata.google.internal); loopback and private addresses are fine.`,
    de: (f) => `„${f}“ darf keine link-lokale oder Cloud-Metadaten-Adresse sein (169.254.x.x, fe80::…, metadata.google.internal); Loopback- und private Adressen sind erlaubt.`,
  },
  INVALID_URL: {
    en: (f) => `"${f}" must be an address starting with http:// or https://.`,
    de: (f) => `„${f}“ muss eine Adresse sein, die mit http:// oder https:// beginnt.`,
  },
  INVALID_LOCALE: {
    en: (f) => `"${f}" must be a language code such as "de" or "de-DE".`,
    de: (f) => `„${f}“ muss ein Sprachcode wie „de“ oder „de-DE“ sein.`,
  },
  INVALID_DATE: {
    en: (f) => `"${f}" must be a date such as 2026-01-31 or 2026-01-31T12:00:00Z.`,
    de: (f) => `„${f}“ muss ein Datum wie 2026-01-31 oder 2026-01-31T12:00:00Z sein.`,
  },
  INVALID_DKIM_KEY: {
    en: (f) => `"${f}" must be a private key in PEM format (-----BEGIN PRIVATE KEY-----).`,
    de: (f) => `„${f}“ muss ein privater Schlüssel im PEM-Format sein (-----BEGIN PRIVATE KEY-----).`,
  },
  USERNAME_REQUIRED: {
    en: (f) => `"${f}" is required when authentication is on; enter the user name or turn authentication off.`,
    de: (f) => `„${f}“ ist bei aktivierter Anmeldung erforderlich; tragen Sie den Benutzernamen ein oder schalten Sie die Anmeldung aus.`,
  },
  UNKNOWN_EVENT: {
    en: (f) => `"${f}" is not an event the plugin sends mail for.`,
    de: (f) => `„${f}“ ist kein Ereignis, für das das Plugin E-Mails versendet.`,
  },
  OAUTH_REQUIRED: {
    en: (f) => `"${f}" is required when the account signs in with OAuth2: choose the provider and enter the client id and secret.`,
    de: (f) => `„${f}“ ist erforderlich, wenn sich das Konto per OAuth2 anmeldet: Wählen Sie den Anbieter und tragen Sie Client-ID und Schlüssel ein.`,
  },
  OAUTH_URL_NOT_HTTPS: {
    en: (f) => `"${f}" must be an https URL (http only to this machine); the client secret and tokens are sent there.`,
    de: (f) => `„${f}“ muss eine https-URL sein (http nur zu diesem Rechner); Client-Schlüssel und Tokens werden dorthin gesendet.`,
  },
  INVALID_TENANT: {
    en: (f) => `"${f}" must be a directory (tenant) id or domain, e.g. contoso.onmicrosoft.com, or "organizations".`,
    de: (f) => `„${f}“ muss eine Verzeichnis-ID (Mandanten-ID) oder Domain sein, z. B. contoso.onmicrosoft.com, oder „organizations“.`,
  },
  CONFIRM_REQUIRED: {
    en: (f) => `"${f}" is required: type the account's sender address to confirm.`,
    de: (f) => `„${f}“ ist erforderlich: Geben Sie zur Bestätigung die Absenderadresse des Kontos ein.`,
  },
}

const TYPE_NAMES: Record<string, { en: string; de: string }> = {
  string: { en: "text", de: "Text" },
  number: { en: "a number", de: "eine Zahl" },
  int: { en: "a whole number", de: "eine ganze Zahl" },
  boolean: { en: "true or false", de: "true oder false" },
  object: { en: "an object", de: "ein Objekt" },
  record: { en: "an object", de: "ein Objekt" },
  array: { en: "a list", de: "eine Liste" },
  date: { en: "a date", de: "ein Datum" },
}

export function toFieldErrors(issues: readonly Issue[], input: unknown, lang: MailerLanguage): FieldError[] {
  const byField = new Map<string, FieldError>()
  for (const issue of issues) {
    for (const error of describeIssue(issue, input, lang)) {
      // One sentence per field: the first problem is the one to fix first.
      if (!byField.has(error.field)) byField.set(error.field, error)
    }
  }
  return [...byField.values()]
}

function describeIssue(issue: Issue, input: unknown, lang: MailerLanguage): FieldError[] {
  const field = issue.path.map(String).join(".") || "body"
  if (issue.code === "unrecognized_keys") {
    return (issue.keys ?? []).map((key) => {
      const name = field === "body" ? key : `${field}.${key}`
      return {
        field: name,
        code: "UNKNOWN_FIELD",
        message: lang === "de" ? `„${name}“ ist kein bekanntes Feld.` : `"${name}" is not a known field.`,
      }
    })
  }
  const custom = CUSTOM[issue.message]
  if (custom) return [{ field, code: issue.message, message: custom[lang](field, issue) }]
  const { code, message } = standardSentence(field, issue, valueAt(input, issue.path), lang)
  return [{ field, code, message }]
}

function standardSentence(field: string, issue: Issue, value: unknown, lang: MailerLanguage) {
  const de = lang === "de"
  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && value === undefined) {
    return { code: "REQUIRED", message: de ? `„${field}“ ist ein Pflichtfeld.` : `"${field}" is required.` }
  }
  switch (issue.code) {
    case "invalid_type": {
      const type = TYPE_NAMES[issue.expected ?? ""] ?? { en: String(issue.expected), de: String(issue.expected) }
      const nullNote = value === null ? (de ? " (null ist hier nicht erlaubt)" : " (null is not allowed here)") : ""
      return {
        code: "INVALID_TYPE",
        message: de ? `„${field}“ muss ${type.de} sein${nullNote}.` : `"${field}" must be ${type.en}${nullNote}.`,
      }
    }
    case "invalid_value": {
      const options = (issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")
      return {
        code: "INVALID_VALUE",
        message: de ? `„${field}“ muss einer dieser Werte sein: ${options}.` : `"${field}" must be one of: ${options}.`,
      }
    }
    case "too_small":
      return { code: "TOO_SMALL", message: boundSentence(field, issue, "min", de) }
    case "too_big":
      return { code: "TOO_BIG", message: boundSentence(field, issue, "max", de) }
    case "invalid_format":
      return {
        code: "INVALID_FORMAT",
        message: de ? `„${field}“ hat ein ungültiges Format.` : `"${field}" has an invalid format.`,
      }
    default:
      return { code: "INVALID", message: de ? `„${field}“ ist ungültig.` : `"${field}" is invalid.` }
  }
}

function boundSentence(field: string, issue: Issue, side: "min" | "max", de: boolean): string {
  const n = Number(side === "min" ? issue.minimum : issue.maximum)
  if (issue.origin === "string") {
    if (side === "min" && n <= 1) return de ? `„${field}“ darf nicht leer sein.` : `"${field}" must not be empty.`
    return side === "min"
      ? de ? `„${field}“ muss mindestens ${n} Zeichen lang sein.` : `"${field}" must be at least ${n} characters long.`
      : de ? `„${field}“ darf höchstens ${n} Zeichen lang sein.` : `"${field}" must be at most ${n} characters long.`
  }
  if (issue.origin === "array" || issue.origin === "set") {
    return side === "min"
      ? de ? `„${field}“ muss mindestens ${n} Einträge enthalten.` : `"${field}" must contain at least ${n} entries.`
      : de ? `„${field}“ darf höchstens ${n} Einträge enthalten.` : `"${field}" must contain at most ${n} entries.`
  }
  return side === "min"
    ? de ? `„${field}“ muss mindestens ${n} sein.` : `"${field}" must be at least ${n}.`
    : de ? `„${field}“ darf höchstens ${n} sein.` : `"${field}" must be at most ${n}.`
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let current: unknown = input
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}
