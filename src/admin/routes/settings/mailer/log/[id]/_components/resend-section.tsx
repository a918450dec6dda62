import { Container, Heading, InlineTip, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { ResendActions } from "../../../../../../components/resend-actions"
import { MessageStatusBadge } from "../../../../../../components/status-badges"
import { carriesOneTimeLink, formatRecipients } from "../../../../../../lib/message-format"
import type { MailerMessage } from "../../../../../../lib/types"

/** Resend to the original recipients or another address; links to the new mail afterwards. */
export const ResendSection = ({ message }: { message: MailerMessage }) => {
  const { t } = useTranslation("mailer")
  const [resent, setResent] = useState<MailerMessage[]>([])
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="mailer-message-resend">
      <div>
        <Heading level="h2">{t("log.resend.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("log.resend.description")}
        </Text>
      </div>
      {carriesOneTimeLink(message.event_name) && <InlineTip label={t("log.resend.noteLabel")}>{t("log.resend.oneTimeLink")}</InlineTip>}
      <ResendActions message={message} onResent={(m) => setResent((list) => [m, ...list])} />
      {resent.map((m) => (
        <div key={m.id} className="flex items-center gap-x-2" data-testid="mailer-resent-link">
          <MessageStatusBadge status={m.status} />
          <Link to={`../${m.id}`} relative="path" className="txt-small text-ui-fg-base font-medium underline underline-offset-2">
            {t("log.resend.openNew", { to: formatRecipients(m.to) })}
          </Link>
        </div>
      ))}
    </Container>
  )
}
