import { TriangleRightMini } from "@medusajs/icons"
import { Button, Input, Label, Text, toast } from "@medusajs/ui"
import { useId, useState } from "react"
import { useTranslation } from "react-i18next"
import { useOAuthRedirectUrl } from "../../../../../lib/api/accounts"
import type { OAuthProvider } from "../../../../../lib/types"

/** The README's OAuth2 section: the app registration at Microsoft and Google, step by step. */
export const OAUTH_README_URL = "https://www.npmjs.com/package/medusa-plugin-mailer#microsoft-365-and-google-oauth2"

// How many steps each provider's registration has (texts: accounts.oauth.steps.<provider>.<n>).
const STEP_COUNT: Record<OAuthProvider, number> = { microsoft: 5, google: 4, generic: 3 }

/**
 * What the merchant needs at the provider: the redirect URL to register (from the backend,
 * which knows its public address), with a copy button, and the registration steps.
 */
export function OAuthRegistration({ provider }: { provider: OAuthProvider }) {
  const { t } = useTranslation("mailer")
  const redirect = useOAuthRedirectUrl(true)
  const id = useId()
  const url = redirect.data?.redirect_url ?? ""
  return (
    <div className="flex flex-col gap-y-3" data-testid="mailer-account-oauth-registration">
      <div className="flex flex-col gap-y-2">
        <Label htmlFor={id} size="small" weight="plus">
          {t("accounts.oauth.redirectUrl")}
        </Label>
        {redirect.isError ? (
          <Text size="small" className="text-ui-fg-subtle">{t("accounts.oauth.redirectUrlUnavailable")}</Text>
        ) : (
          <div className="flex items-center gap-x-2">
            <div className="min-w-0 flex-1">
              <Input
                id={id}
                size="small"
                readOnly
                value={redirect.isLoading ? t("accounts.oauth.redirectUrlLoading") : url}
                onFocus={(event) => event.currentTarget.select()}
                className="font-mono"
                aria-describedby={`${id}-hint`}
                data-testid="mailer-account-oauth-redirect-url"
              />
            </div>
            <CopyButton text={url} disabled={!url} />
          </div>
        )}
        <Text size="xsmall" className="text-ui-fg-subtle" id={`${id}-hint`}>
          {t("accounts.oauth.redirectUrlHint")}
        </Text>
      </div>
      <RegistrationSteps provider={provider} />
    </div>
  )
}

function CopyButton({ text, disabled }: { text: string; disabled: boolean }) {
  const { t } = useTranslation("mailer")
  const copy = async () => {
    // The clipboard needs a secure context (https or localhost); without it the field is selected to copy by hand.
    try {
      await navigator.clipboard.writeText(text)
      toast.success(t("accounts.oauth.copied"))
    } catch {
      document.querySelector<HTMLInputElement>('[data-testid="mailer-account-oauth-redirect-url"]')?.select()
    }
  }
  return (
    <Button type="button" size="small" variant="secondary" onClick={copy} disabled={disabled} data-testid="mailer-account-oauth-copy">
      {t("accounts.oauth.copy")}
    </Button>
  )
}

function RegistrationSteps({ provider }: { provider: OAuthProvider }) {
  const { t } = useTranslation("mailer")
  const [open, setOpen] = useState(false)
  const steps = Array.from({ length: STEP_COUNT[provider] }, (_, index) => t(`accounts.oauth.steps.${provider}.${index + 1}`))
  return (
    <div className="bg-ui-bg-subtle border-ui-border-base rounded-lg border px-4 py-3">
      <button
        type="button"
        className="flex items-center gap-x-2 text-left"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        data-testid="mailer-account-oauth-steps-toggle"
      >
        <TriangleRightMini className="text-ui-fg-muted" style={{ transform: open ? "rotate(90deg)" : undefined }} />
        <Text size="small" weight="plus" as="span">
          {t("accounts.oauth.stepsToggle")}
        </Text>
      </button>
      {open && (
        <div className="flex flex-col gap-y-2 pt-3" data-testid="mailer-account-oauth-steps">
          <ol className="txt-small text-ui-fg-base flex list-decimal flex-col gap-y-1 pl-5">
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <a href={OAUTH_README_URL} target="_blank" rel="noreferrer" className="txt-small text-ui-fg-base w-fit font-medium underline underline-offset-2">
            {t("accounts.oauth.readme")}
          </a>
        </div>
      )}
    </div>
  )
}
