import { useTranslation } from "react-i18next"

// The admin's own language (German or English) picks the plugin's texts.
const TEXTS = {
  de: {
    mails: "E-Mails",
    noMails: "Zu dieser Bestellung wurden noch keine E-Mails versendet.",
    resend: "Erneut senden",
    resent: "E-Mail wurde erneut gesendet.",
    resendFailed: "Die E-Mail konnte nicht erneut gesendet werden.",
    testMode: "Testmodus",
    status: { queued: "Wartet", sending: "Wird gesendet", sent: "Gesendet", failed: "Fehlgeschlagen", skipped: "Übersprungen" },
  },
  en: {
    mails: "E-mails",
    noMails: "No e-mails have been sent for this order yet.",
    resend: "Resend",
    resent: "The e-mail was sent again.",
    resendFailed: "The e-mail could not be sent again.",
    testMode: "Test mode",
    status: { queued: "Waiting", sending: "Sending", sent: "Sent", failed: "Failed", skipped: "Skipped" },
  },
} as const

export type Texts = (typeof TEXTS)["en"] | (typeof TEXTS)["de"]

/** The dashboard's language as the plugin speaks it: German or English. */
export function useLanguage(): "de" | "en" {
  const { i18n } = useTranslation()
  return (i18n?.language ?? "en").toLowerCase().startsWith("de") ? "de" : "en"
}

export function useTexts(): Texts {
  return TEXTS[useLanguage()]
}
