import { mailerKeys } from "../query-keys"
import type { MailerEvent, MailerSettings } from "../types"
import { useMailerMutation, useMailerQuery } from "./use-mailer"

export type SettingsInput = Partial<Omit<MailerSettings, "id">>

export const useSettings = () =>
  useMailerQuery<{ settings: MailerSettings }>((l) => mailerKeys.settings.detail(l, "shop"), "/settings")

export const useUpdateSettings = () =>
  useMailerMutation<SettingsInput, { settings: MailerSettings }>((body) => ({ path: "/settings", body }), [
    mailerKeys.settings.all,
    mailerKeys.events.all,
  ])

/** Events the plugin mails for, with labels, variables and sample data in the dashboard's language. */
export const useEvents = () =>
  useMailerQuery<{ events: MailerEvent[]; count: number }>((l) => mailerKeys.events.list(l), "/events")
