import { zodResolver } from "@hookform/resolvers/zod"
import { Button, Drawer, Input, Textarea, toast } from "@medusajs/ui"
import { useForm } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { z } from "zod"
import { useUpdateStaffProfile } from "../lib/api/staff-profiles"
import { MailerApiError } from "../lib/client"
import type { MailerStaffProfile } from "../lib/types"
import { ApiErrorAlert } from "./api-error-alert"
import { FormField } from "./form-field"
import { DrawerHeader } from "./drawer-header"
import { toastApiError } from "../lib/toast-error"

// Messages are translation keys under "settings.staffProfile.errors".
const schema = z.object({
  display_name: z.string().trim().max(200, "tooLong"),
  email: z.string().trim().refine((value) => value === "" || z.email().safeParse(value).success, "email"),
  phone: z.string().trim().max(50, "tooLong"),
  mobile: z.string().trim().max(50, "tooLong"),
  fax: z.string().trim().max(50, "tooLong"),
  signature_html: z.string().max(65536, "tooLong"),
})
type Values = z.infer<typeof schema>
const FIELDS = Object.keys(schema.shape) as (keyof Values)[]
const LINES: (keyof Values)[] = ["display_name", "email", "phone", "mobile", "fax"]

const valuesOf = (profile: MailerStaffProfile) =>
  Object.fromEntries(FIELDS.map((field) => [field, typeof profile[field] === "string" ? profile[field] : ""])) as Values

/**
 * Edits the profile; an emptied field is cleared (the API takes "" as null). The caller keys
 * it by opening, so every opening starts from the stored profile.
 */
export const StaffProfileDrawer = ({
  userId,
  profile,
  open,
  onOpenChange,
}: {
  userId: string
  profile: MailerStaffProfile
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useTranslation("mailer")
  const update = useUpdateStaffProfile(userId)
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: valuesOf(profile) })
  const error = (name: keyof Values) => {
    const message = form.formState.errors[name]?.message
    return message ? t(`settings.staffProfile.errors.${message}`, { defaultValue: message }) : undefined
  }

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync(values)
      toast.success(t("settings.staffProfile.saved"))
      onOpenChange(false)
    } catch (err) {
      for (const problem of err instanceof MailerApiError ? err.errors : []) {
        const field = FIELDS.find((name) => name === problem.field)
        if (field) form.setError(field, { message: problem.message })
      }
      toastApiError(err)
    }
  })

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="mailer-staff-profile-drawer">
        <form onSubmit={onSubmit} noValidate className="flex flex-1 flex-col overflow-hidden">
          <DrawerHeader title={t("settings.staffProfile.editTitle")} description={t("settings.staffProfile.editDescription")} />
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            {LINES.map((field) => (
              <FormField key={field} htmlFor={`mailer-staff-${field}`} label={t(`settings.staffProfile.fields.${field}`)} hint={t(`settings.staffProfile.hints.${field}`)} error={error(field)}>
                <Input id={`mailer-staff-${field}`} type={field === "email" ? "email" : field === "display_name" ? "text" : "tel"} {...form.register(field)} />
              </FormField>
            ))}
            <FormField htmlFor="mailer-staff-signature_html" label={t("settings.staffProfile.fields.signature_html")} hint={t("settings.staffProfile.hints.signature_html")} error={error("signature_html")}>
              <Textarea id="mailer-staff-signature_html" rows={6} className="font-mono text-xs" spellCheck={false} {...form.register("signature_html")} />
            </FormField>
            {update.error && <ApiErrorAlert error={update.error} />}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button type="button" size="small" variant="secondary">
                {t("actions.cancel")}
              </Button>
            </Drawer.Close>
            <Button type="submit" size="small" isLoading={update.isPending} data-testid="mailer-staff-profile-save">
              {t("actions.save")}
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
