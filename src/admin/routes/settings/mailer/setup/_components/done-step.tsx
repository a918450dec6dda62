import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import type { AccountSaved } from "../../../../../lib/api/accounts"
import { useCurrentUser } from "../../../../../lib/api/me"
import { useSettings } from "../../../../../lib/api/settings"
import { useSendTemplateTestEmail } from "../../../../../lib/api/templates"
import { useMailerLanguage, type MailerLanguage } from "../../../../../lib/client"
import { testRecipientOf } from "../../../../../lib/account-summary"
import { MAILER_PATHS } from "../../../../../lib/paths"
import { SampleResult } from "./sample-result"

/** The shop's language for the sample when the plugin ships it, else the admin's. */
function sampleLanguage(defaultLocale: string | undefined, fallback: MailerLanguage): MailerLanguage {
  const base = (defaultLocale ?? "").slice(0, 2).toLowerCase()
  return base === "de" || base === "en" ? base : fallback
}

/**
 * Step 3: the account works and is in test mode. The merchant sends a sample order
 * confirmation to themselves and sees where it went and where to go next.
 */
export const DoneStep = ({ saved }: { saved: AccountSaved }) => {
  const { t } = useTranslation("mailer")
  const me = useCurrentUser()
  const settings = useSettings()
  const language = sampleLanguage(settings.data?.settings.default_locale, useMailerLanguage())
  const send = useSendTemplateTestEmail(`default:order.placed:${language}`)
  const account = saved.account

  const onSend = () =>
    send.mutate(
      { to: me.data?.email ?? null },
      {
        onSuccess: ({ message }) =>
          message.status === "sent"
            ? toast.success(t("overview.setup.done.sampleSent"))
            : toast.error(message.error?.message ?? t("overview.setup.done.sampleNotSent"), { description: message.error?.hint }),
        onError: (error) => toast.error(error.message),
      }
    )

  return (
    <Container className="divide-y p-0" data-testid="mailer-setup-done">
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Heading level="h2">{t("overview.setup.done.title")}</Heading>
        <Text size="small">{t("overview.setup.done.saved", { name: account.name, to: saved.test?.to ?? account.sender_email })}</Text>
        {account.test_mode && (
          <Text size="small" className="text-ui-fg-subtle" data-testid="mailer-setup-test-mode-note">
            {t("overview.setup.done.testMode", { address: testRecipientOf(account) })}
          </Text>
        )}
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <Heading level="h3">{t("overview.setup.done.sampleTitle")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("overview.setup.done.sampleDescription", { email: me.data?.email ?? "…" })}
        </Text>
        <div>
          <Button size="small" variant="secondary" onClick={onSend} isLoading={send.isPending} disabled={!me.data} data-testid="mailer-setup-send-sample">
            {t("overview.setup.done.sendSample")}
          </Button>
        </div>
        <SampleResult message={send.data?.message} error={send.error} />
      </div>
      <NextSteps />
    </Container>
  )
}

const NextSteps = () => {
  const { t } = useTranslation("mailer")
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="mailer-setup-next">
      <Heading level="h3">{t("overview.setup.done.nextTitle")}</Heading>
      <ul className="flex flex-col gap-y-1 ps-5" style={{ listStyleType: "disc" }}>
        {(["templates", "accounts", "general"] as const).map((key) => (
          <li key={key}>
            <Text size="small">
              <Link to={MAILER_PATHS[key]} className="text-ui-fg-base font-medium underline underline-offset-2">
                {t(`overview.setup.done.next.${key}`)}
              </Link>
            </Text>
          </li>
        ))}
      </ul>
      <div className="flex justify-end pt-2">
        <Button size="small" asChild>
          <Link to={MAILER_PATHS.overview} data-testid="mailer-setup-finish">
            {t("overview.setup.done.finish")}
          </Link>
        </Button>
      </div>
    </div>
  )
}
