// The plugin's admin texts, German and English, in the namespace "mailer"
// (components call useTranslation("mailer")). One JSON file per screen area,
// the same file name in de/ and en/; a unit test checks both have every key.
import deAccounts from "./de/accounts.json" with { type: "json" }
import deCommon from "./de/common.json" with { type: "json" }
import deLog from "./de/log.json" with { type: "json" }
import deOrder from "./de/order.json" with { type: "json" }
import deOverview from "./de/overview.json" with { type: "json" }
import deSettings from "./de/settings.json" with { type: "json" }
import deTemplates from "./de/templates.json" with { type: "json" }
import enAccounts from "./en/accounts.json" with { type: "json" }
import enCommon from "./en/common.json" with { type: "json" }
import enLog from "./en/log.json" with { type: "json" }
import enOrder from "./en/order.json" with { type: "json" }
import enOverview from "./en/overview.json" with { type: "json" }
import enSettings from "./en/settings.json" with { type: "json" }
import enTemplates from "./en/templates.json" with { type: "json" }

export const mailerTranslations = {
  de: {
    ...deCommon,
    accounts: deAccounts,
    log: deLog,
    order: deOrder,
    overview: deOverview,
    settings: deSettings,
    templates: deTemplates,
  },
  en: {
    ...enCommon,
    accounts: enAccounts,
    log: enLog,
    order: enOrder,
    overview: enOverview,
    settings: enSettings,
    templates: enTemplates,
  },
}

export default {
  de: { mailer: mailerTranslations.de },
  en: { mailer: mailerTranslations.en },
}
