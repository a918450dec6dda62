import { Input } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { FormField, FormSection } from "./form-field"

/** Who the mail comes from and where answers go. */
export function SenderSection() {
  const { t } = useTranslation("mailer")
  return (
    <FormSection
      title={t("accounts.sections.sender")}
      description={t("accounts.sections.senderDescription")}
      testId="mailer-account-section-sender"
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField name="sender_name" label={t("accounts.fields.senderName")}>
          {(field) => <Input {...field} size="small" />}
        </FormField>
        <FormField name="sender_email" label={t("accounts.fields.senderEmail")} hint={t("accounts.hints.senderEmail")}>
          {(field) => <Input {...field} type="email" size="small" />}
        </FormField>
      </div>
      <FormField name="reply_to" label={t("accounts.fields.replyTo")} optional hint={t("accounts.hints.replyTo")}>
        {(field) => <Input {...field} type="email" size="small" />}
      </FormField>
    </FormSection>
  )
}

/** CC 1, CC 2 and BCC: every mail of the account is copied there. */
export function CopiesSection() {
  const { t } = useTranslation("mailer")
  const fields = [
    ["cc_1", "cc1"],
    ["cc_2", "cc2"],
    ["bcc", "bcc"],
  ] as const
  return (
    <FormSection
      title={t("accounts.sections.copies")}
      description={t("accounts.sections.copiesDescription")}
      collapsible
      fields={["cc_1", "cc_2", "bcc"]}
      testId="mailer-account-section-copies"
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        {fields.map(([name, key]) => (
          <FormField key={name} name={name} label={t(`accounts.fields.${key}`)} optional>
            {(field) => <Input {...field} type="email" size="small" />}
          </FormField>
        ))}
      </div>
    </FormSection>
  )
}
