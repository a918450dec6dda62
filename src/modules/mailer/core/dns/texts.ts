/**
 * What the DNS check tells the merchant, per verdict code, in German and English. Kept beside
 * the verdicts rather than in the error table: these are findings about the merchant's DNS, not
 * failures of a request or a delivery (a failed lookup is a finding too: "could not check").
 */
export type DnsCheckCode =
  | "SPF_PRESENT"
  | "SPF_MISSING"
  | "SPF_MULTIPLE"
  | "SPF_ALLOWS_ALL"
  | "DKIM_PRESENT"
  | "DKIM_MISSING"
  | "DKIM_WRONG_KEY"
  | "DKIM_REVOKED"
  | "DKIM_NOT_CONFIGURED"
  | "DMARC_PRESENT"
  | "DMARC_MISSING"
  | "DMARC_MULTIPLE"
  | "DMARC_INVALID"
  | "DNS_TIMEOUT"
  | "DNS_LOOKUP_FAILED"

export interface DnsTextParams {
  domain: string
  name: string
  count?: number
  failure?: string
}

type Text = (p: DnsTextParams) => string
interface DnsText {
  en: Text
  de: Text
  hint_en: Text
  hint_de: Text
}

const PROVIDER_EN =
  "The plugin cannot know your mail provider's include: it is in the provider's documentation (e.g. include:spf.protection.outlook.com for Microsoft 365, include:_spf.google.com for Google Workspace)."
const PROVIDER_DE =
  "Den include-Eintrag Ihres Mail-Anbieters kann das Plugin nicht kennen: er steht in dessen Dokumentation (z. B. include:spf.protection.outlook.com für Microsoft 365, include:_spf.google.com für Google Workspace)."

export const DNS_TEXTS: Record<DnsCheckCode, DnsText> = {
  SPF_PRESENT: {
    en: (p) => `${p.domain} publishes an SPF record.`,
    de: (p) => `${p.domain} veröffentlicht einen SPF-Eintrag.`,
    hint_en: () => `Check that it names the server or provider this account sends through. ${PROVIDER_EN}`,
    hint_de: () => `Prüfen Sie, ob er den Server oder Anbieter nennt, über den dieses Konto sendet. ${PROVIDER_DE}`,
  },
  SPF_MISSING: {
    en: (p) => `${p.domain} publishes no SPF record.`,
    de: (p) => `${p.domain} veröffentlicht keinen SPF-Eintrag.`,
    hint_en: (p) => `Publish a TXT record on ${p.domain} like the one below, with your provider's include in place of the placeholder. ${PROVIDER_EN}`,
    hint_de: (p) => `Legen Sie auf ${p.domain} einen TXT-Eintrag wie den unten an, mit dem include Ihres Anbieters statt des Platzhalters. ${PROVIDER_DE}`,
  },
  SPF_MULTIPLE: {
    en: (p) => `${p.domain} publishes ${p.count} SPF records; receivers treat more than one as an error and ignore SPF.`,
    de: (p) => `${p.domain} veröffentlicht ${p.count} SPF-Einträge; Empfänger werten mehr als einen als Fehler und ignorieren SPF.`,
    hint_en: () => "Merge them into one record: one v=spf1 with all include: entries and a single ~all or -all at the end.",
    hint_de: () => "Fassen Sie sie zu einem Eintrag zusammen: ein v=spf1 mit allen include:-Angaben und einem einzigen ~all oder -all am Ende.",
  },
  SPF_ALLOWS_ALL: {
    en: (p) => `The SPF record of ${p.domain} ends with +all: it allows every server in the world to send as ${p.domain}.`,
    de: (p) => `Der SPF-Eintrag von ${p.domain} endet mit +all: er erlaubt jedem Server der Welt, als ${p.domain} zu senden.`,
    hint_en: () => "End the record with ~all (or -all once everything is listed).",
    hint_de: () => "Beenden Sie den Eintrag mit ~all (oder -all, sobald alle Absender eingetragen sind).",
  },
  DKIM_PRESENT: {
    en: (p) => `The DKIM key at ${p.name} matches this account's key.`,
    de: (p) => `Der DKIM-Schlüssel unter ${p.name} passt zum Schlüssel dieses Kontos.`,
    hint_en: () => "Nothing to do: mail of this account is signed and receivers can verify it.",
    hint_de: () => "Nichts zu tun: Mails dieses Kontos werden signiert und Empfänger können die Signatur prüfen.",
  },
  DKIM_MISSING: {
    en: (p) => `No DKIM key is published at ${p.name}.`,
    de: (p) => `Unter ${p.name} ist kein DKIM-Schlüssel veröffentlicht.`,
    hint_en: (p) => `Publish the TXT record below at ${p.name}. Until then receivers cannot verify the signature of this account's mail.`,
    hint_de: (p) => `Legen Sie den TXT-Eintrag unten unter ${p.name} an. Bis dahin können Empfänger die Signatur der Mails dieses Kontos nicht prüfen.`,
  },
  DKIM_WRONG_KEY: {
    en: (p) => `The DKIM key published at ${p.name} is not this account's key; receivers will reject the signature.`,
    de: (p) => `Der unter ${p.name} veröffentlichte DKIM-Schlüssel ist nicht der Schlüssel dieses Kontos; Empfänger verwerfen die Signatur.`,
    hint_en: (p) => `Replace the record at ${p.name} with the one below (a new key was generated, or the record belongs to another system: then choose another selector).`,
    hint_de: (p) => `Ersetzen Sie den Eintrag unter ${p.name} durch den unten (es wurde ein neuer Schlüssel erzeugt, oder der Eintrag gehört zu einem anderen System: dann wählen Sie einen anderen Selektor).`,
  },
  DKIM_REVOKED: {
    en: (p) => `The DKIM record at ${p.name} has an empty key (p=): the key is revoked.`,
    de: (p) => `Der DKIM-Eintrag unter ${p.name} hat einen leeren Schlüssel (p=): der Schlüssel ist widerrufen.`,
    hint_en: (p) => `Publish the record below at ${p.name}, or generate a key with a new selector.`,
    hint_de: (p) => `Veröffentlichen Sie den Eintrag unten unter ${p.name} oder erzeugen Sie einen Schlüssel mit neuem Selektor.`,
  },
  DKIM_NOT_CONFIGURED: {
    en: () => "This account has no DKIM key: its mail is not signed.",
    de: () => "Dieses Konto hat keinen DKIM-Schlüssel: seine Mails werden nicht signiert.",
    hint_en: () => 'Click "Generate DKIM key" and publish the record it shows.',
    hint_de: () => "Klicken Sie auf „DKIM-Schlüssel erzeugen“ und veröffentlichen Sie den angezeigten Eintrag.",
  },
  DMARC_PRESENT: {
    en: (p) => `${p.domain} publishes a DMARC policy at ${p.name}.`,
    de: (p) => `${p.domain} veröffentlicht eine DMARC-Richtlinie unter ${p.name}.`,
    hint_en: () => "Nothing to do. Once the reports show only your own servers, a stricter policy (p=quarantine) protects against forged mail.",
    hint_de: () => "Nichts zu tun. Zeigen die Berichte nur noch Ihre eigenen Server, schützt eine strengere Richtlinie (p=quarantine) vor gefälschten Mails.",
  },
  DMARC_MISSING: {
    en: (p) => `${p.domain} publishes no DMARC policy (${p.name}).`,
    de: (p) => `${p.domain} veröffentlicht keine DMARC-Richtlinie (${p.name}).`,
    hint_en: (p) => `Gmail and Yahoo expect one from bulk senders. Start with the record below at ${p.name}: it only asks for reports (p=none); create the mailbox it names or change the address.`,
    hint_de: (p) => `Gmail und Yahoo erwarten sie von Massenversendern. Beginnen Sie mit dem Eintrag unten unter ${p.name}: er fordert nur Berichte an (p=none); legen Sie das genannte Postfach an oder ändern Sie die Adresse.`,
  },
  DMARC_MULTIPLE: {
    en: (p) => `${p.name} holds ${p.count} DMARC records; receivers then apply none.`,
    de: (p) => `Unter ${p.name} stehen ${p.count} DMARC-Einträge; Empfänger wenden dann keinen an.`,
    hint_en: () => "Keep exactly one v=DMARC1 record.",
    hint_de: () => "Behalten Sie genau einen v=DMARC1-Eintrag.",
  },
  DMARC_INVALID: {
    en: (p) => `The DMARC record at ${p.name} has no policy (p=) or cannot be read.`,
    de: (p) => `Der DMARC-Eintrag unter ${p.name} hat keine Richtlinie (p=) oder ist nicht lesbar.`,
    hint_en: () => "Replace it with a record like the one below.",
    hint_de: () => "Ersetzen Sie ihn durch einen Eintrag wie den unten.",
  },
  DNS_TIMEOUT: {
    en: (p) => `Could not check ${p.name}: the DNS server did not answer in time.`,
    de: (p) => `${p.name} konnte nicht geprüft werden: der DNS-Server hat nicht rechtzeitig geantwortet.`,
    hint_en: () => "This says nothing about the record itself. Try again later; if it persists, check the server's DNS settings (plugin option dns_servers).",
    hint_de: () => "Über den Eintrag selbst sagt das nichts. Versuchen Sie es später erneut; bleibt es so, prüfen Sie die DNS-Einstellungen des Servers (Plugin-Option dns_servers).",
  },
  DNS_LOOKUP_FAILED: {
    en: (p) => `Could not check ${p.name}: the DNS lookup failed (${p.failure}).`,
    de: (p) => `${p.name} konnte nicht geprüft werden: die DNS-Abfrage ist fehlgeschlagen (${p.failure}).`,
    hint_en: () => "This says nothing about the record itself. A SERVFAIL often means the domain's name servers are broken or DNSSEC fails; try again later.",
    hint_de: () => "Über den Eintrag selbst sagt das nichts. Ein SERVFAIL bedeutet oft, dass die Nameserver der Domain gestört sind oder DNSSEC fehlschlägt; versuchen Sie es später erneut.",
  },
}
