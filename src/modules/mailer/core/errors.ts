/**
 * The one error table of the mailer. Every failure the plugin records (SMTP, configuration,
 * templates, secrets) has a code here with its kind and a merchant-facing text and hint in
 * German and English. Other layers map a MailerError to MedusaError only at the API or
 * workflow-step boundary.
 *
 * kind decides what the outbox does:
 * - transient:     retry later with backoff
 * - permanent:     mark the message failed, never retry automatically
 * - configuration: the account (or installation) must be fixed first; pause, do not retry blindly
 */
export type ErrorKind = "transient" | "permanent" | "configuration"

export type MailerLanguage = "de" | "en"

interface ErrorEntry {
  kind: ErrorKind
  message_en: string
  message_de: string
  hint_en: string
  hint_de: string
}

export const MAILER_ERRORS = {
  SMTP_CONNECTION: {
    kind: "transient",
    message_en: "Could not connect to the SMTP server.",
    message_de: "Keine Verbindung zum SMTP-Server möglich.",
    hint_en: "Check the host name for typos and that port and security method (SSL or STARTTLS) match. If the settings are right, the server or your network may be blocking the port; the mail will be retried.",
    hint_de: "Prüfen Sie den Servernamen auf Tippfehler und ob Port und Verschlüsselung (SSL oder STARTTLS) zusammenpassen. Stimmen die Einstellungen, blockiert eventuell der Server oder Ihr Netzwerk den Port; die E-Mail wird erneut versendet.",
  },
  SMTP_TIMEOUT: {
    kind: "transient",
    message_en: "The SMTP server did not answer in time.",
    message_de: "Der SMTP-Server hat nicht rechtzeitig geantwortet.",
    hint_en: "The mail will be retried. If this keeps happening, check that the port matches the security method: port 465 needs SSL, port 587 needs STARTTLS.",
    hint_de: "Die E-Mail wird erneut versendet. Tritt der Fehler wiederholt auf, prüfen Sie, ob Port und Verschlüsselung zusammenpassen: Port 465 erfordert SSL, Port 587 erfordert STARTTLS.",
  },
  SMTP_SOCKET: {
    kind: "transient",
    message_en: "The connection to the SMTP server was interrupted.",
    message_de: "Die Verbindung zum SMTP-Server wurde unterbrochen.",
    hint_en: "Usually a short network problem; the mail will be retried automatically.",
    hint_de: "Meist ein kurzzeitiges Netzwerkproblem; die E-Mail wird automatisch erneut versendet.",
  },
  SMTP_DNS: {
    kind: "configuration",
    message_en: "The SMTP server name could not be found.",
    message_de: "Der Name des SMTP-Servers wurde nicht gefunden.",
    hint_en: "Check the host name in the mail account for typos (for example smtp.gmail.com). Your provider's help pages list the correct name.",
    hint_de: "Prüfen Sie den Servernamen im E-Mail-Konto auf Tippfehler (zum Beispiel smtp.gmail.com). Den richtigen Namen finden Sie in der Hilfe Ihres Anbieters.",
  },
  SMTP_TLS: {
    kind: "configuration",
    message_en: "The encrypted connection (TLS/SSL) to the SMTP server failed.",
    message_de: "Die verschlüsselte Verbindung (TLS/SSL) zum SMTP-Server ist fehlgeschlagen.",
    hint_en: "Port and security method probably do not match: use SSL with port 465 and STARTTLS with port 587. If STARTTLS is required but the server does not offer it, choose the port your provider names for STARTTLS. The account is paused until this is fixed.",
    hint_de: "Port und Verschlüsselung passen vermutlich nicht zusammen: Verwenden Sie SSL mit Port 465 und STARTTLS mit Port 587. Bietet der Server kein STARTTLS an, wählen Sie den Port, den Ihr Anbieter für STARTTLS nennt. Das Konto ist bis zur Korrektur pausiert.",
  },
  SMTP_AUTH: {
    kind: "configuration",
    message_en: "Could not authenticate with the SMTP server.",
    message_de: "Anmeldung am SMTP-Server fehlgeschlagen.",
    hint_en: "Check user name and password. Gmail and Microsoft 365 need an app password (or SMTP access enabled for the mailbox); after a password change, create a new app password and enter it here. The account is paused until this is fixed.",
    hint_de: "Prüfen Sie Benutzername und Passwort. Gmail und Microsoft 365 benötigen ein App-Passwort (bzw. für das Postfach freigeschalteten SMTP-Zugriff); nach einer Passwortänderung erstellen Sie ein neues App-Passwort und tragen es hier ein. Das Konto ist bis zur Korrektur pausiert.",
  },
  SMTP_AUTH_MISSING: {
    kind: "configuration",
    message_en: "The SMTP server requires a login, but none is configured.",
    message_de: "Der SMTP-Server verlangt eine Anmeldung, es sind aber keine Zugangsdaten hinterlegt.",
    hint_en: "Turn on \"Authentication required\" in the mail account and enter user name and password.",
    hint_de: "Aktivieren Sie im E-Mail-Konto „Authentifizierung erforderlich“ und tragen Sie Benutzername und Passwort ein.",
  },
  SMTP_TEMPORARY: {
    kind: "transient",
    message_en: "The SMTP server temporarily refused the mail.",
    message_de: "Der SMTP-Server hat die E-Mail vorübergehend abgelehnt.",
    hint_en: "The server is busy or a sending limit was reached. The mail will be retried automatically.",
    hint_de: "Der Server ist ausgelastet oder ein Versandlimit wurde erreicht. Die E-Mail wird automatisch erneut versendet.",
  },
  SMTP_SENDER_REJECTED: {
    kind: "permanent",
    message_en: "The SMTP server refused the sender address.",
    message_de: "Der SMTP-Server hat die Absenderadresse abgelehnt.",
    hint_en: "The sender address must belong to this mailbox or be verified with the provider. Use the address of the account or allow it as sender at your provider.",
    hint_de: "Die Absenderadresse muss zu diesem Postfach gehören oder beim Anbieter bestätigt sein. Verwenden Sie die Adresse des Kontos oder geben Sie sie bei Ihrem Anbieter als Absender frei.",
  },
  SMTP_RECIPIENT_REJECTED: {
    kind: "permanent",
    message_en: "The SMTP server refused the recipient address.",
    message_de: "Der SMTP-Server hat die Empfängeradresse abgelehnt.",
    hint_en: "The address is unknown or does not exist; rarely a limit of your provider. Correct the address and send the mail again.",
    hint_de: "Die Adresse ist unbekannt oder existiert nicht; selten steckt ein Limit Ihres Anbieters dahinter. Korrigieren Sie die Adresse und senden Sie die E-Mail erneut.",
  },
  SMTP_MESSAGE_REJECTED: {
    kind: "permanent",
    message_en: "The SMTP server did not accept the message.",
    message_de: "Der SMTP-Server hat die Nachricht nicht angenommen.",
    hint_en: "Possible causes: spam filter, message too large, or a policy of your provider. Check the server response below and adjust the template or ask your provider.",
    hint_de: "Mögliche Ursachen: Spamfilter, zu große Nachricht oder eine Richtlinie Ihres Anbieters. Prüfen Sie die Serverantwort unten und passen Sie die Vorlage an oder fragen Sie Ihren Anbieter.",
  },
  SMTP_PERMANENT: {
    kind: "permanent",
    message_en: "The SMTP server permanently refused the mail.",
    message_de: "Der SMTP-Server hat die E-Mail dauerhaft abgelehnt.",
    hint_en: "Read the server response below; it names the reason. Fix the cause, then resend the mail from the log.",
    hint_de: "Lesen Sie die Serverantwort unten; sie nennt den Grund. Beheben Sie die Ursache und senden Sie die E-Mail aus dem Protokoll erneut.",
  },
  NO_RECIPIENT: {
    kind: "permanent",
    message_en: "No recipient address was given.",
    message_de: "Es wurde keine Empfängeradresse angegeben.",
    hint_en: "Enter a recipient (for example the customer's e-mail address) and send the mail again.",
    hint_de: "Tragen Sie einen Empfänger ein (zum Beispiel die E-Mail-Adresse des Kunden) und senden Sie die E-Mail erneut.",
  },
  NO_ACCOUNT: {
    kind: "configuration",
    message_en: "No usable mail account is configured.",
    message_de: "Es ist kein nutzbares E-Mail-Konto eingerichtet.",
    hint_en: "Create a mail account under Settings → E-Mail and mark it as default, or assign it to this sales channel.",
    hint_de: "Legen Sie unter Einstellungen → E-Mail ein E-Mail-Konto an und markieren Sie es als Standard oder weisen Sie es diesem Vertriebskanal zu.",
  },
  ACCOUNT_PAUSED: {
    kind: "configuration",
    message_en: "The mail account is paused after a login or encryption error.",
    message_de: "Das E-Mail-Konto ist nach einem Anmelde- oder Verschlüsselungsfehler pausiert.",
    hint_en: "Correct the account settings and use \"Test and save\". Waiting mails are sent once the account works again.",
    hint_de: "Korrigieren Sie die Kontoeinstellungen und verwenden Sie „Testen und speichern“. Wartende E-Mails werden versendet, sobald das Konto wieder funktioniert.",
  },
  FILE_ACCESS: {
    kind: "permanent",
    message_en: "An attachment is missing or cannot be read.",
    message_de: "Ein Anhang fehlt oder kann nicht gelesen werden.",
    hint_en: "Attachments must be passed as content; files and URLs on the server are not read for security reasons.",
    hint_de: "Anhänge müssen als Inhalt übergeben werden; Dateien und URLs auf dem Server werden aus Sicherheitsgründen nicht gelesen.",
  },
  ENCODING: {
    kind: "permanent",
    message_en: "The message uses an unknown encoding.",
    message_de: "Die Nachricht verwendet eine unbekannte Kodierung.",
    hint_en: "Use UTF-8 for templates and attachments.",
    hint_de: "Verwenden Sie UTF-8 für Vorlagen und Anhänge.",
  },
  DKIM_SIGNING: {
    kind: "configuration",
    message_en: "The message could not be signed (DKIM).",
    message_de: "Die Nachricht konnte nicht signiert werden (DKIM).",
    hint_en: "Check the DKIM private key (PEM format), domain and selector in the account, or remove the DKIM settings.",
    hint_de: "Prüfen Sie privaten DKIM-Schlüssel (PEM-Format), Domain und Selektor im Konto oder entfernen Sie die DKIM-Einstellungen.",
  },
  TEMPLATE_INVALID: {
    kind: "permanent",
    message_en: "The template is invalid.",
    message_de: "Die Vorlage ist ungültig.",
    hint_en: "Correct the template in the editor; the preview shows the faulty line.",
    hint_de: "Korrigieren Sie die Vorlage im Editor; die Vorschau zeigt die fehlerhafte Stelle.",
  },
  TEMPLATE_RENDER: {
    kind: "permanent",
    message_en: "The template could not be rendered.",
    message_de: "Die Vorlage konnte nicht erstellt werden.",
    hint_en: "Check the variables used in the template with the preview, then resend the mail.",
    hint_de: "Prüfen Sie die in der Vorlage verwendeten Variablen mit der Vorschau und senden Sie die E-Mail danach erneut.",
  },
  LINK_BASE_URL_MISSING: {
    kind: "configuration",
    message_en: "The mail needs a link into the shop or the admin, but no address for it is configured.",
    message_de: "Die E-Mail braucht einen Link in den Shop oder in die Verwaltung, aber dafür ist keine Adresse eingestellt.",
    hint_en: "Enter the storefront URL and the admin URL in the e-mail settings (for example https://shop.example.com), then resend the mail.",
    hint_de: "Tragen Sie in den E-Mail-Einstellungen die Adresse des Shops und der Verwaltung ein (zum Beispiel https://shop.example.com) und senden Sie die E-Mail danach erneut.",
  },
  SECRET_KEY_MISSING: {
    kind: "configuration",
    message_en: "MAILER_SECRET_KEY is not set.",
    message_de: "MAILER_SECRET_KEY ist nicht gesetzt.",
    hint_en: "Set MAILER_SECRET_KEY to 32 random bytes in base64, e.g. the output of: openssl rand -base64 32",
    hint_de: "Setzen Sie MAILER_SECRET_KEY auf 32 zufällige Bytes in Base64, z. B. die Ausgabe von: openssl rand -base64 32",
  },
  SECRET_KEY_INVALID: {
    kind: "configuration",
    message_en: "MAILER_SECRET_KEY is not a valid key.",
    message_de: "MAILER_SECRET_KEY ist kein gültiger Schlüssel.",
    hint_en: "The key must be exactly 32 bytes, base64-encoded. Create one with: openssl rand -base64 32",
    hint_de: "Der Schlüssel muss genau 32 Bytes lang und Base64-kodiert sein. Erzeugen Sie ihn mit: openssl rand -base64 32",
  },
  SECRET_DECRYPT_FAILED: {
    kind: "configuration",
    message_en: "A stored password could not be decrypted.",
    message_de: "Ein gespeichertes Passwort konnte nicht entschlüsselt werden.",
    hint_en: "MAILER_SECRET_KEY was probably changed. Restore the old key (as a previous key) or enter the password of the account again.",
    hint_de: "MAILER_SECRET_KEY wurde vermutlich geändert. Stellen Sie den alten Schlüssel (als vorherigen Schlüssel) wieder her oder geben Sie das Passwort des Kontos erneut ein.",
  },
  UNKNOWN: {
    kind: "transient",
    message_en: "An unexpected error occurred while sending.",
    message_de: "Beim Versand ist ein unerwarteter Fehler aufgetreten.",
    hint_en: "The mail will be retried. If the error remains, check the technical details in the log.",
    hint_de: "Die E-Mail wird erneut versendet. Bleibt der Fehler bestehen, prüfen Sie die technischen Details im Protokoll.",
  },
} as const satisfies Record<string, ErrorEntry>

export type MailerErrorCode = keyof typeof MAILER_ERRORS

export interface MailerErrorDetails {
  responseCode?: number
  command?: string
  smtpResponse?: string
  cause?: unknown
}

export function isMailerErrorCode(code: unknown): code is MailerErrorCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(MAILER_ERRORS, code)
}

export class MailerError extends Error {
  readonly code: MailerErrorCode
  readonly kind: ErrorKind
  readonly responseCode?: number
  readonly command?: string
  readonly smtpResponse?: string

  constructor(code: MailerErrorCode, message?: string, details: MailerErrorDetails = {}) {
    super(message || MAILER_ERRORS[code].message_en)
    this.name = "MailerError"
    this.code = code
    this.kind = MAILER_ERRORS[code].kind
    if (details.responseCode !== undefined) this.responseCode = details.responseCode
    if (details.command !== undefined) this.command = details.command
    if (details.smtpResponse !== undefined) this.smtpResponse = details.smtpResponse
    if (details.cause !== undefined) {
      // Not enumerable: a JSON-serialised error (log line, API body) must not drag the raw
      // library error along, which may hold connection details.
      Object.defineProperty(this, "cause", { value: details.cause, enumerable: false })
    }
  }

  get transient(): boolean {
    return this.kind === "transient"
  }
}

export function isMailerError(err: unknown): err is MailerError {
  return err instanceof MailerError
}

export interface DescribedError {
  code: MailerErrorCode
  kind: ErrorKind
  message: string
  hint: string
}

/** Merchant-facing text for a stored error code; unknown codes read as UNKNOWN. */
export function describeError(code: string, lang: MailerLanguage): DescribedError {
  const known: MailerErrorCode = isMailerErrorCode(code) ? code : "UNKNOWN"
  const entry = MAILER_ERRORS[known]
  return {
    code: known,
    kind: entry.kind,
    message: lang === "de" ? entry.message_de : entry.message_en,
    hint: lang === "de" ? entry.hint_de : entry.hint_en,
  }
}

/**
 * Picks German or English from an Accept-Language header, honouring q-values
 * ("fr, de;q=0.8, en;q=0.5" → de). Anything else, or no header, reads as English.
 */
export function pickLanguage(acceptLanguage?: string | null): MailerLanguage {
  if (!acceptLanguage) return "en"
  let best: { lang: MailerLanguage; q: number } | null = null
  for (const part of acceptLanguage.split(",")) {
    const [tag, ...params] = part.trim().split(";")
    const lang = tag.trim().toLowerCase().split("-")[0]
    if (lang !== "de" && lang !== "en") continue
    const q = parseQuality(params)
    // strictly greater: on equal weight the earlier entry wins, as the header lists preference order
    if (q > 0 && (!best || q > best.q)) best = { lang, q }
  }
  return best?.lang ?? "en"
}

function parseQuality(params: string[]): number {
  for (const param of params) {
    const [key, value] = param.trim().split("=")
    if (key?.trim().toLowerCase() === "q") {
      const q = Number(value)
      return Number.isFinite(q) ? q : 0
    }
  }
  return 1
}
