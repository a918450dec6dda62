import { Switch, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useUpdateSettings } from "../../../../../lib/api/settings"
import { MailerApiError } from "../../../../../lib/client"
import type { MailerEvent } from "../../../../../lib/types"

/**
 * Sends this event's mails or not (`enabled_events` in the settings). Switching off is not
 * asked for: it is undone with the same click, and manual sends and test mails still work.
 */
export const EventSwitch = ({ event }: { event: MailerEvent }) => {
  const { t } = useTranslation("mailer")
  const update = useUpdateSettings()

  const onChange = (enabled: boolean) =>
    update.mutate(
      { enabled_events: { [event.name]: enabled } },
      {
        onSuccess: () => toast.success(t(enabled ? "templates.matrix.enabledToast" : "templates.matrix.disabledToast", { event: event.label })),
        onError: (err) =>
          toast.error(t("templates.matrix.switchFailed"), { description: err instanceof MailerApiError ? err.hint ?? err.message : String(err) }),
      }
    )

  return (
    <Switch
      checked={update.isPending ? !!update.variables?.enabled_events?.[event.name] : event.enabled}
      disabled={update.isPending}
      onCheckedChange={onChange}
      aria-label={t("templates.matrix.switchLabel", { event: event.label })}
      data-testid={`mailer-event-switch-${event.name}`}
    />
  )
}
