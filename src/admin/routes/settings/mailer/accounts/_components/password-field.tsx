import { useTranslation } from "react-i18next"
import type { MailerAccount } from "../../../../../lib/types"
import { SecretField } from "./secret-field"

/** The account's password: write-only (secret-field.tsx). */
export function PasswordField({ account }: { account?: MailerAccount }) {
  const { t } = useTranslation("mailer")
  const texts = {
    label: t("accounts.fields.password"),
    storedHint: t("accounts.hints.passwordStored"),
    unchanged: t("accounts.form.passwordUnchanged"),
    remove: t("accounts.actions.removePassword"),
    willBeRemoved: t("accounts.form.passwordWillBeRemoved"),
  }
  return <SecretField name="password" stored={!!account?.has_password} texts={texts} testId="password" />
}
