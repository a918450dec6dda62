import { Button, Input, Label, toast } from "@medusajs/ui"
import { useId, useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { useResendMessage } from "../lib/api/messages"
import { MailerApiError } from "../lib/client"
import { formatRecipients } from "../lib/message-format"
import type { MailerMessage } from "../lib/types"
import { ApiErrorAlert } from "./api-error-alert"

/**
 * "Resend" and "Send to another address" for one logged mail, used by the log's detail page
 * and the order widget. A resend is a new mail; the API answers it after the delivery attempt,
 * so a refused address shows up here at once (toast and, for refusals of the request, the hint).
 */
export const ResendActions = ({
  message,
  onResent,
  testIdPrefix = "mailer-resend",
}: {
  message: MailerMessage
  onResent?: (resent: MailerMessage) => void
  testIdPrefix?: string
}) => {
  const { t } = useTranslation("mailer")
  const resend = useResendMessage()
  const [otherOpen, setOtherOpen] = useState(false)
  const [to, setTo] = useState("")
  const inputId = useId()

  const send = (address: string | null) => {
    resend.mutate(
      { id: message.id, to: address },
      {
        onSuccess: ({ message: resent }) => {
          announce(resent)
          if (resent.status !== "failed") {
            setOtherOpen(false)
            setTo("")
          }
          onResent?.(resent)
        },
        onError: (error) => toast.error(t("log.resend.failed"), { description: describe(error) }),
      }
    )
  }

  const announce = (resent: MailerMessage) => {
    if (resent.status === "failed") {
      toast.error(t("log.resend.failed"), { description: [resent.error?.message, resent.error?.hint].filter(Boolean).join(" ") })
    } else {
      toast.success(t("log.resend.sent"), { description: t("log.resend.sentTo", { to: formatRecipients(resent.to) }) })
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    event.stopPropagation()
    if (to.trim()) send(to.trim())
  }

  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button size="small" variant="secondary" isLoading={resend.isPending && !otherOpen} disabled={resend.isPending} onClick={() => send(null)} data-testid={`${testIdPrefix}-original`}>
          {t("log.resend.toOriginal")}
        </Button>
        {!otherOpen && (
          <Button size="small" variant="transparent" onClick={() => setOtherOpen(true)} data-testid={`${testIdPrefix}-other-toggle`}>
            {t("log.resend.toOther")}
          </Button>
        )}
      </div>
      {otherOpen && (
        <form onSubmit={onSubmit} className="flex flex-col gap-y-2" data-testid={`${testIdPrefix}-other-form`}>
          <Label htmlFor={inputId} size="small" weight="plus">
            {t("log.resend.addressLabel")}
          </Label>
          <div className="flex flex-wrap items-center gap-2">
            <Input id={inputId} type="email" size="small" required autoFocus value={to} onChange={(e) => setTo(e.target.value)} placeholder={t("log.resend.addressPlaceholder")} className="min-w-[220px] flex-1" data-testid={`${testIdPrefix}-to`} />
            <Button size="small" type="submit" isLoading={resend.isPending} data-testid={`${testIdPrefix}-submit`}>
              {t("actions.send")}
            </Button>
            <Button size="small" variant="secondary" type="button" onClick={() => setOtherOpen(false)}>
              {t("actions.cancel")}
            </Button>
          </div>
        </form>
      )}
      {resend.error ? <ApiErrorAlert error={resend.error} /> : null}
    </div>
  )
}

function describe(error: unknown): string {
  if (error instanceof MailerApiError) return [error.message, error.hint].filter(Boolean).join(" ")
  return error instanceof Error ? error.message : String(error)
}
