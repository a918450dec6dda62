import type { SmtpSecurity } from "./transport-options"

/**
 * Provider presets for the account form. They fill host, port and security; the notes tell the
 * merchant what the provider needs besides the mailbox password. Limits and procedures change,
 * so the notes point to the provider's own page rather than promising numbers we cannot keep.
 */
export interface SmtpPreset {
  id: string
  name: string
  host: string
  port: number
  security: SmtpSecurity
  notes_en: string
  notes_de: string
  docs?: string
  /** Ways to sign in the provider takes, its recommended one first (OAuth2 where it has one). */
  auth_methods?: readonly ("oauth2" | "password")[]
  /** Why that order. */
  auth_note_en?: string
  auth_note_de?: string
}

export const SMTP_PRESETS: readonly SmtpPreset[] = [
  {
    id: "gmail",
    name: "Gmail / Google Workspace",
    host: "smtp.gmail.com",
    port: 465,
    security: "ssl",
    notes_en: "Use an app password (requires 2-step verification), not your Google password. Port 587 with STARTTLS also works. Google limits sending to about 500 recipients a day for Gmail and 2,000 for Workspace. After changing your Google password, create a new app password.",
    notes_de: "Verwenden Sie ein App-Passwort (setzt die Bestätigung in zwei Schritten voraus), nicht Ihr Google-Passwort. Port 587 mit STARTTLS funktioniert ebenfalls. Google begrenzt den Versand auf etwa 500 Empfänger pro Tag bei Gmail und 2.000 bei Workspace. Nach einer Änderung des Google-Passworts erstellen Sie ein neues App-Passwort.",
    docs: "https://support.google.com/mail/answer/185833",
    auth_methods: ["oauth2", "password"],
    auth_note_en: "Sign in with Google (OAuth2) is recommended: a password works only as an app password with 2-step verification, and many Workspace admins forbid app passwords.",
    auth_note_de: "Die Anmeldung mit Google (OAuth2) wird empfohlen: Ein Passwort funktioniert nur als App-Passwort mit Bestätigung in zwei Schritten, und viele Workspace-Administratoren verbieten App-Passwörter.",
  },
  {
    id: "microsoft365",
    name: "Microsoft 365 / Outlook",
    host: "smtp.office365.com",
    port: 587,
    security: "starttls",
    notes_en: "Authenticated SMTP (SMTP AUTH) must be enabled for the mailbox in the Microsoft 365 admin center, and security defaults may block it. Microsoft is phasing out user-name/password login for SMTP AUTH; check that your tenant still allows it. Outlook.com accounts use smtp-mail.outlook.com, port 587, STARTTLS.",
    notes_de: "Authentifiziertes SMTP (SMTP AUTH) muss im Microsoft 365 Admin Center für das Postfach aktiviert sein; die Sicherheitsstandards können es blockieren. Microsoft stellt die Anmeldung mit Benutzername und Passwort für SMTP AUTH schrittweise ein; prüfen Sie, ob Ihr Mandant sie noch erlaubt. Outlook.com-Konten verwenden smtp-mail.outlook.com, Port 587, STARTTLS.",
    docs: "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission",
    auth_methods: ["oauth2", "password"],
    auth_note_en: "Sign in with Microsoft (OAuth2) is recommended: Microsoft turns off SMTP AUTH with passwords for Exchange Online at the end of December 2026 (new tenants from then on have it off).",
    auth_note_de: "Die Anmeldung mit Microsoft (OAuth2) wird empfohlen: Microsoft schaltet SMTP AUTH mit Passwort für Exchange Online Ende Dezember 2026 ab (neue Mandanten haben es ab dann ausgeschaltet).",
  },
  {
    id: "ionos",
    name: "IONOS",
    host: "smtp.ionos.de",
    port: 465,
    security: "ssl",
    notes_en: "User name is the full e-mail address. Port 587 with STARTTLS also works.",
    notes_de: "Benutzername ist die vollständige E-Mail-Adresse. Port 587 mit STARTTLS funktioniert ebenfalls.",
  },
  {
    id: "strato",
    name: "Strato",
    host: "smtp.strato.de",
    port: 465,
    security: "ssl",
    notes_en: "User name is the full e-mail address; the password is the mailbox password set in the Strato customer login.",
    notes_de: "Benutzername ist die vollständige E-Mail-Adresse; das Passwort ist das im Strato-Kundenlogin vergebene Postfach-Passwort.",
  },
  {
    id: "gmx",
    name: "GMX",
    host: "mail.gmx.net",
    port: 587,
    security: "starttls",
    notes_en: "Enable external access first: in the GMX mailbox settings, turn on \"POP3/IMAP access\" (this also allows SMTP). GMX limits the number of mails per day.",
    notes_de: "Aktivieren Sie zuerst den Zugriff von außen: In den GMX-Postfacheinstellungen „POP3/IMAP Abruf“ einschalten (das erlaubt auch SMTP). GMX begrenzt die Anzahl der E-Mails pro Tag.",
  },
  {
    id: "webde",
    name: "WEB.DE",
    host: "smtp.web.de",
    port: 587,
    security: "starttls",
    notes_en: "Enable external access first: in the WEB.DE mailbox settings, turn on \"POP3/IMAP access\" (this also allows SMTP). WEB.DE limits the number of mails per day.",
    notes_de: "Aktivieren Sie zuerst den Zugriff von außen: In den WEB.DE-Postfacheinstellungen „POP3/IMAP Abruf“ einschalten (das erlaubt auch SMTP). WEB.DE begrenzt die Anzahl der E-Mails pro Tag.",
  },
  {
    id: "t-online",
    name: "T-Online (Telekom)",
    host: "securesmtp.t-online.de",
    port: 465,
    security: "ssl",
    notes_en: "Use the separate e-mail password you set in the Telekom customer center, not your Telekom login password. Port 587 with STARTTLS also works.",
    notes_de: "Verwenden Sie das eigene E-Mail-Passwort, das Sie im Telekom Kundencenter festlegen, nicht Ihr Telekom-Login-Passwort. Port 587 mit STARTTLS funktioniert ebenfalls.",
  },
  {
    id: "amazon-ses",
    name: "Amazon SES (eu-central-1)",
    host: "email-smtp.eu-central-1.amazonaws.com",
    port: 587,
    security: "starttls",
    notes_en: "Create SMTP credentials in the SES console (they differ from your AWS access keys) and verify the sender address or domain. New accounts are in the sandbox and may only send to verified addresses until production access is granted. For another region, replace eu-central-1 in the host.",
    notes_de: "Erstellen Sie SMTP-Zugangsdaten in der SES-Konsole (sie unterscheiden sich von Ihren AWS-Zugriffsschlüsseln) und bestätigen Sie Absenderadresse oder Domain. Neue Konten sind in der Sandbox und dürfen nur an bestätigte Adressen senden, bis der Produktionszugang freigeschaltet ist. Für eine andere Region ersetzen Sie eu-central-1 im Servernamen.",
    docs: "https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html",
  },
  {
    id: "mailgun",
    name: "Mailgun (EU)",
    host: "smtp.eu.mailgun.org",
    port: 587,
    security: "starttls",
    notes_en: "Use the SMTP credentials of your sending domain from the Mailgun dashboard. Domains in the US region use smtp.mailgun.org.",
    notes_de: "Verwenden Sie die SMTP-Zugangsdaten Ihrer Versanddomain aus dem Mailgun-Dashboard. Domains in der US-Region verwenden smtp.mailgun.org.",
  },
  {
    id: "postmark",
    name: "Postmark",
    host: "smtp.postmarkapp.com",
    port: 587,
    security: "starttls",
    notes_en: "Enter the Server API token as both user name and password. The sender address needs a confirmed sender signature or domain.",
    notes_de: "Tragen Sie das Server-API-Token als Benutzername und als Passwort ein. Die Absenderadresse braucht eine bestätigte Absendersignatur oder Domain.",
  },
  {
    id: "brevo",
    name: "Brevo",
    host: "smtp-relay.brevo.com",
    port: 587,
    security: "starttls",
    notes_en: "Use the SMTP login and an SMTP key from the Brevo settings (SMTP & API), not your account password. Verify the sender in Brevo.",
    notes_de: "Verwenden Sie den SMTP-Login und einen SMTP-Schlüssel aus den Brevo-Einstellungen (SMTP & API), nicht Ihr Kontopasswort. Bestätigen Sie den Absender in Brevo.",
  },
  {
    id: "sendgrid",
    name: "SendGrid",
    host: "smtp.sendgrid.net",
    port: 587,
    security: "starttls",
    notes_en: "User name is literally \"apikey\"; the password is an API key with Mail Send permission. Verify the sender (Single Sender or domain authentication).",
    notes_de: "Der Benutzername lautet wörtlich „apikey“; das Passwort ist ein API-Schlüssel mit der Berechtigung „Mail Send“. Bestätigen Sie den Absender (Single Sender oder Domain-Authentifizierung).",
  },
  {
    id: "custom",
    name: "Custom",
    host: "",
    port: 587,
    security: "starttls",
    notes_en: "Enter the values from your provider. Usually: port 465 with SSL or port 587 with STARTTLS.",
    notes_de: "Tragen Sie die Werte Ihres Anbieters ein. Üblich sind Port 465 mit SSL oder Port 587 mit STARTTLS.",
  },
]
