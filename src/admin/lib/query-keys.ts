/**
 * One query-key factory for the plugin's admin data. Every key starts with "mailer" and the
 * language (errors, hints and labels come localized), so a mutation can invalidate a whole area
 * with `mailerKeys.<area>.all` regardless of language.
 */
type Filters = Record<string, unknown>

const area = (name: string) => ({
  all: ["mailer", name] as const,
  list: (language: string, filters: Filters = {}) => ["mailer", name, "list", language, filters] as const,
  detail: (language: string, id: string) => ["mailer", name, "detail", language, id] as const,
})

export const mailerKeys = {
  all: ["mailer"] as const,
  accounts: area("accounts"),
  templates: area("templates"),
  messages: area("messages"),
  events: area("events"),
  presets: area("presets"),
  settings: area("settings"),
  staffProfiles: area("staff-profiles"),
  salesChannels: area("sales-channels"),
}
