import { useTranslation } from "react-i18next"
import { SecretField } from "./secret-field"

/** The OAuth2 client secret: write-only like the password (secret-field.tsx). */
export function ClientSecretField({ stored }: { stored: boolean }) {
  const { t } = useTranslation("mailer")
  const texts = {
    label: t("accounts.oauth.clientSecret"),
    storedHint: t("accounts.oauth.clientSecretStored"),
    unchanged: t("accounts.form.secretUnchanged"),
    remove: t("accounts.oauth.removeClientSecret"),
    willBeRemoved: t("accounts.oauth.clientSecretWillBeRemoved"),
  }
  return <SecretField name="oauth_client_secret" stored={stored} texts={texts} testId="client-secret" />
}
