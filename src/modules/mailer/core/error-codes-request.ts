import type { ErrorEntry } from "./error-entry"

/**
 * Errors of a request to the admin API: its shape, unknown ids, conflicts.
 * Part of the one error table (MAILER_ERRORS in errors.ts). Texts may name
 * parameters as {name} or {name|default}.
 */
export const REQUEST_ERRORS = {
  INVALID_DATA: {
    kind: "request",
    message_en: "The request contains invalid data.",
    message_de: "Die Anfrage enthält ungültige Daten.",
    hint_en: "Correct the fields listed in errors and send the request again.",
    hint_de: "Korrigieren Sie die unter errors genannten Felder und senden Sie die Anfrage erneut.",
  },
  INVALID_JSON: {
    kind: "request",
    message_en: "The request body is not valid JSON.",
    message_de: "Der Inhalt der Anfrage ist kein gültiges JSON.",
    hint_en: "Send a JSON object, e.g. {\"name\": \"Shop\"}.",
    hint_de: "Senden Sie ein JSON-Objekt, z. B. {\"name\": \"Shop\"}.",
  },
  PAYLOAD_TOO_LARGE: {
    kind: "request",
    message_en: "The request body is larger than {limit}.",
    message_de: "Der Inhalt der Anfrage ist größer als {limit}.",
    hint_en: "Shorten the template or leave out large embedded images; link to them instead.",
    hint_de: "Kürzen Sie die Vorlage oder lassen Sie große eingebettete Bilder weg; verlinken Sie sie stattdessen.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    kind: "request",
    message_en: "Send the request body as JSON (Content-Type: application/json).",
    message_de: "Senden Sie den Inhalt der Anfrage als JSON (Content-Type: application/json).",
    hint_en: "Set the header Content-Type: application/json.",
    hint_de: "Setzen Sie den Header Content-Type: application/json.",
  },
  NOT_FOUND: {
    kind: "request",
    message_en: "No {entity|record} with the id \"{id}\" exists.",
    message_de: "Es gibt kein{entity_de_suffix} {entity_de|Objekt} mit der ID „{id}“.",
    hint_en: "It may have been deleted; reload the list.",
    hint_de: "Es wurde eventuell gelöscht; laden Sie die Liste neu.",
  },
  CONFIRMATION_MISMATCH: {
    kind: "request",
    message_en: "To delete the account, type its sender address \"{expected}\" exactly.",
    message_de: "Geben Sie zum Löschen die Absenderadresse „{expected}“ des Kontos genau ein.",
    hint_en: "The confirmation protects against deleting the wrong account.",
    hint_de: "Die Bestätigung schützt davor, das falsche Konto zu löschen.",
  },
  TEMPLATE_EXISTS: {
    kind: "request",
    message_en: "A template for \"{event_name}\" in \"{locale}\" already exists for {channel|all sales channels}.",
    message_de: "Für „{event_name}“ in „{locale}“ gibt es bereits eine Vorlage für {channel_de|alle Vertriebskanäle}.",
    hint_en: "Edit the existing template instead, or delete it first.",
    hint_de: "Bearbeiten Sie die vorhandene Vorlage oder löschen Sie sie zuerst.",
  },
  UNKNOWN_EVENT: {
    kind: "request",
    message_en: "The plugin sends no mail for the event \"{event_name}\".",
    message_de: "Für das Ereignis „{event_name}“ versendet das Plugin keine E-Mail.",
    hint_en: "GET /admin/mailer/events lists the supported events.",
    hint_de: "GET /admin/mailer/events listet die unterstützten Ereignisse.",
  },
  NO_ORDER_CONTEXT: {
    kind: "request",
    message_en: "A real order cannot be used for \"{event_name}\"; leave order_id empty to use sample data.",
    message_de: "Für „{event_name}“ kann keine echte Bestellung verwendet werden; lassen Sie order_id leer, um Beispieldaten zu verwenden.",
    hint_en: "Real orders work for mails built from the order alone, such as the order confirmation.",
    hint_de: "Echte Bestellungen gehen bei E-Mails, die allein aus der Bestellung entstehen, etwa der Bestellbestätigung.",
  },
  DEFAULT_TEMPLATE_READ_ONLY: {
    kind: "request",
    message_en: "A shipped default template cannot be changed or deleted.",
    message_de: "Eine mitgelieferte Standardvorlage kann nicht geändert oder gelöscht werden.",
    hint_en: "Create a template for the same event and language (POST /admin/mailer/templates); it replaces the default.",
    hint_de: "Legen Sie eine Vorlage für dasselbe Ereignis und dieselbe Sprache an (POST /admin/mailer/templates); sie ersetzt die Standardvorlage.",
  },
  RESEND_NOT_POSSIBLE: {
    kind: "request",
    message_en: "This e-mail contained a one-time link (password reset or invitation) and cannot be sent again.",
    message_de: "Diese E-Mail enthielt einen einmaligen Link (Passwort zurücksetzen oder Einladung) und kann nicht erneut gesendet werden.",
    hint_en: "Ask the customer to request a new password, or send a new invitation from the admin.",
    hint_de: "Bitten Sie den Kunden, ein neues Passwort anzufordern, oder senden Sie im Admin-Bereich eine neue Einladung.",
  },
  RETRY_NOT_POSSIBLE: {
    kind: "request",
    message_en: "Only a waiting or failed mail can be retried; this one was sent, skipped, is being sent right now, or was never rendered.",
    message_de: "Nur eine wartende oder fehlgeschlagene E-Mail kann erneut versucht werden; diese wurde versendet, übersprungen, wird gerade versendet oder wurde nie erstellt.",
    hint_en: "Use \"Send again\" in the log: it sends a new copy, rendered with today's template.",
    hint_de: "Verwenden Sie im Protokoll „Erneut senden“: Das sendet eine neue Kopie, erstellt mit der aktuellen Vorlage.",
  },
  PASSWORD_REQUIRED: {
    kind: "request",
    message_en: "Enter the password again: it is required when {fields|the connection settings} change.",
    message_de: "Geben Sie das Passwort erneut ein: Es ist erforderlich, wenn sich {fields_de|die Verbindungseinstellungen} ändern.",
    hint_en: "A stored password is only sent to the server it was entered for. Send \"password\" together with the changed host, port, security or user name.",
    hint_de: "Ein gespeichertes Passwort wird nur an den Server gesendet, für den es eingegeben wurde. Senden Sie „password“ zusammen mit dem geänderten Server, Port, der Verschlüsselung oder dem Benutzernamen.",
  },
  OAUTH_NOT_CONFIGURED: {
    kind: "request",
    message_en: "Enter the app registration's client id and client secret before connecting.",
    message_de: "Tragen Sie vor dem Verbinden die Client-ID und den geheimen Clientschlüssel der App-Registrierung ein.",
    hint_en: "Register an app with Microsoft Entra ID or Google Cloud (see the README, \"Microsoft 365 and Google (OAuth2)\"), enter its client id and secret in the account, save, then connect.",
    hint_de: "Registrieren Sie eine App bei Microsoft Entra ID oder Google Cloud (siehe README, „Microsoft 365 and Google (OAuth2)“), tragen Sie Client-ID und Schlüssel im Konto ein, speichern Sie und verbinden Sie dann.",
  },
  OAUTH_STATE_INVALID: {
    kind: "request",
    message_en: "The sign-in could not be completed: the link has expired, was already used or belongs to another admin user.",
    message_de: "Die Anmeldung konnte nicht abgeschlossen werden: Der Link ist abgelaufen, wurde bereits verwendet oder gehört zu einem anderen Admin-Benutzer.",
    hint_en: "Start again with \"Connect\" in the mail account and finish the sign-in within 10 minutes.",
    hint_de: "Beginnen Sie erneut mit „Verbinden“ im E-Mail-Konto und schließen Sie die Anmeldung innerhalb von 10 Minuten ab.",
  },
  OAUTH_PROVIDER_ERROR: {
    kind: "request",
    message_en: "Microsoft or Google refused the sign-in: {detail|no reason given}.",
    message_de: "Microsoft bzw. Google hat die Anmeldung abgelehnt: {detail|ohne Angabe eines Grundes}.",
    hint_en: "Check client id, client secret, tenant and the redirect URL registered with the provider, and that the mailbox may use SMTP (SMTP.Send permission with Microsoft). Then connect again.",
    hint_de: "Prüfen Sie Client-ID, geheimen Clientschlüssel, Mandanten und die beim Anbieter eingetragene Weiterleitungs-URL sowie, ob das Postfach SMTP verwenden darf (Berechtigung SMTP.Send bei Microsoft). Verbinden Sie dann erneut.",
  },
  OAUTH_IDENTITY_MISMATCH: {
    kind: "request",
    message_en: "You signed in as {identity|another user}, but the account sends as {sender|another address}.",
    message_de: "Sie haben sich als {identity|anderer Benutzer} angemeldet, das Konto sendet aber als {sender|andere Adresse}.",
    hint_en: "Connect again and sign in with the mailbox of the sender address (in a private window if the provider signs you in automatically), or change the sender address.",
    hint_de: "Verbinden Sie erneut und melden Sie sich mit dem Postfach der Absenderadresse an (in einem privaten Fenster, falls der Anbieter Sie automatisch anmeldet), oder ändern Sie die Absenderadresse.",
  },
  CONFLICT: {
    kind: "request",
    message_en: "The change conflicts with the current data; reload and try again.",
    message_de: "Die Änderung steht im Konflikt mit den aktuellen Daten; laden Sie neu und versuchen Sie es noch einmal.",
    hint_en: "Someone else may have changed the same record at the same time.",
    hint_de: "Eventuell hat jemand anderes denselben Datensatz gleichzeitig geändert.",
  },
} as const satisfies Record<string, ErrorEntry>
