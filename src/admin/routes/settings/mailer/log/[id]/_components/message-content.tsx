import { Alert, Container, Heading, Tabs, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { MailerMessage } from "../../../../../../lib/types"

/**
 * The mail as it was sent. The HTML runs in an iframe with an empty sandbox: no scripts, no
 * same-origin access, no forms, so a hostile template or customer input cannot touch the admin.
 */
export const MessageContent = ({ message }: { message: MailerMessage }) => {
  const { t } = useTranslation("mailer")
  const hasHtml = Boolean(message.html)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("log.detail.content")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {message.subject ?? "–"}
        </Text>
      </div>
      <Tabs defaultValue={hasHtml ? "html" : "text"}>
        <div className="px-6 pt-4">
          <Tabs.List>
            <Tabs.Trigger value="html" disabled={!hasHtml}>
              {t("log.detail.htmlTab")}
            </Tabs.Trigger>
            <Tabs.Trigger value="text">{t("log.detail.textTab")}</Tabs.Trigger>
          </Tabs.List>
        </div>
        <Tabs.Content value="html" className="px-6 py-4">
          {hasHtml && (
            <iframe
              sandbox=""
              srcDoc={message.html ?? ""}
              title={t("log.detail.htmlFrameTitle")}
              className="h-[600px] w-full rounded-md border bg-white"
              data-testid="mailer-message-html"
            />
          )}
        </Tabs.Content>
        <Tabs.Content value="text" className="px-6 py-4">
          {message.text ? (
            <pre className="bg-ui-bg-subtle text-ui-fg-base max-h-[600px] overflow-auto whitespace-pre-wrap rounded-md border p-4 font-mono text-xs" data-testid="mailer-message-text">
              {message.text}
            </pre>
          ) : (
            <Alert>{t("log.detail.noText")}</Alert>
          )}
        </Tabs.Content>
      </Tabs>
    </Container>
  )
}
