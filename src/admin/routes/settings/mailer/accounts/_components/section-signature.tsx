import { Badge, Input, Text, Textarea } from "@medusajs/ui"
import { useRef } from "react"
import { useFormContext, useWatch } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { FormField, FormSection } from "./form-field"
import type { AccountFormValues } from "./form-schema"
import { STAFF_PLACEHOLDERS, insertAtCursor, signaturePreviewDocument, type ContactValues } from "./signature-preview"

type TextName = "signature_html" | "greeting"
const CONTACT_FIELDS = [
  ["contact_name", "contactName"],
  ["contact_email", "contactEmail"],
  ["contact_phone", "contactPhone"],
  ["contact_mobile", "contactMobile"],
  ["contact_fax", "contactFax"],
] as const

/** Greeting and HTML signature with placeholder chips, the contact person, a live preview. */
export function SignatureSection() {
  const { t } = useTranslation("mailer")
  const { control, setValue, getValues } = useFormContext<AccountFormValues>()
  const elements = useRef<Partial<Record<TextName, HTMLTextAreaElement | null>>>({})
  const watched = useWatch({ control, name: ["greeting", "signature_html", ...CONTACT_FIELDS.map(([name]) => name)] })
  const [greeting, signature, ...contactValues] = watched
  const contact = Object.fromEntries(CONTACT_FIELDS.map(([name], i) => [name, contactValues[i] ?? ""])) as ContactValues

  const insert = (name: TextName, token: string) => {
    const element = elements.current[name]
    const next = insertAtCursor(getValues(name), token, element?.selectionStart ?? null, element?.selectionEnd ?? null)
    setValue(name, next.value, { shouldDirty: true })
    requestAnimationFrame(() => {
      element?.focus()
      element?.setSelectionRange(next.cursor, next.cursor)
    })
  }

  const textarea = (name: TextName, label: string, hint: string, rows: number, mono: boolean) => (
    <FormField name={name} label={label} optional hint={hint}>
      {({ ref, ...field }) => (
        <div className="flex flex-col gap-y-2">
          <PlaceholderChips onInsert={(token) => insert(name, token)} testId={`mailer-account-chips-${name}`} />
          <Textarea
            {...field}
            ref={(element) => {
              ref(element)
              elements.current[name] = element
            }}
            rows={rows}
            className={mono ? "font-mono" : undefined}
            spellCheck={!mono}
          />
        </div>
      )}
    </FormField>
  )

  return (
    <FormSection
      title={t("accounts.sections.signature")}
      description={t("accounts.sections.signatureDescription")}
      collapsible
      fields={["greeting", "signature_html", ...CONTACT_FIELDS.map(([name]) => name)]}
      testId="mailer-account-section-signature"
    >
      {textarea("greeting", t("accounts.fields.greeting"), t("accounts.hints.greeting"), 3, false)}
      {textarea("signature_html", t("accounts.fields.signatureHtml"), t("accounts.hints.signatureHtml"), 6, true)}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {CONTACT_FIELDS.map(([name, key]) => (
          <FormField key={name} name={name} label={t(`accounts.fields.${key}`)} optional>
            {(field) => <Input {...field} size="small" type={name === "contact_email" ? "email" : "text"} />}
          </FormField>
        ))}
      </div>
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus" leading="compact">
          {t("accounts.form.preview")}
        </Text>
        <iframe
          id="mailer-account-signature-preview"
          data-testid="mailer-account-signature-preview"
          title={t("accounts.form.previewTitle")}
          sandbox=""
          srcDoc={signaturePreviewDocument(greeting ?? "", signature ?? "", contact)}
          className="border-ui-border-base bg-ui-bg-base h-[200px] w-full rounded-md border"
        />
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("accounts.hints.preview")}
        </Text>
      </div>
    </FormSection>
  )
}

/** One chip per placeholder; a click inserts it where the cursor is. */
function PlaceholderChips({ onInsert, testId }: { onInsert: (token: string) => void; testId: string }) {
  const { t } = useTranslation("mailer")
  return (
    <div className="flex flex-wrap items-center gap-1" data-testid={testId}>
      <Text size="xsmall" className="text-ui-fg-subtle mr-1">
        {t("accounts.form.insertPlaceholder")}
      </Text>
      {STAFF_PLACEHOLDERS.map(({ token, field }) => (
        <button
          key={token}
          type="button"
          onClick={() => onInsert(token)}
          title={t(`accounts.placeholders.${field}`)}
          aria-label={`${t("accounts.form.insertPlaceholder")} ${token} (${t(`accounts.placeholders.${field}`)})`}
        >
          <Badge size="2xsmall" className="cursor-pointer font-mono">
            {token}
          </Badge>
        </button>
      ))}
    </div>
  )
}
