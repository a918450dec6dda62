import { Hint, Label, Text } from "@medusajs/ui"
import { TriangleRightMini } from "@medusajs/icons"
import { useEffect, useId, useState, type ReactNode } from "react"
import { Controller, useFormContext, useFormState, type ControllerRenderProps, type FieldPath } from "react-hook-form"
import { useTranslation } from "react-i18next"
import type { AccountFormValues } from "./form-schema"

type Name = FieldPath<AccountFormValues>
export type FieldProps<N extends Name> = ControllerRenderProps<AccountFormValues, N> & {
  id: string
  "aria-invalid": boolean
  "aria-describedby"?: string
}

/**
 * One labelled input of the account form, laid out like the dashboard's Form.Item: label
 * (with "optional"), the control, a hint, the error. Client messages are translation keys;
 * messages from the API are already in the merchant's language and shown as they are.
 */
export function FormField<N extends Name>({
  name,
  label,
  optional,
  hint,
  children,
  className,
}: {
  name: N
  label: string
  optional?: boolean
  hint?: ReactNode
  children: (field: FieldProps<N>) => ReactNode
  className?: string
}) {
  const { t } = useTranslation("mailer")
  const { control } = useFormContext<AccountFormValues>()
  const id = useId()
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const message = fieldState.error?.message
        const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ")
        return (
          <div className={`flex flex-col gap-y-2 ${className ?? ""}`} data-testid={`mailer-account-field-${name}`}>
            <div className="flex items-center gap-x-1">
              <Label htmlFor={id} size="small" weight="plus">
                {label}
              </Label>
              {optional && (
                <Text size="small" leading="compact" className="text-ui-fg-muted">
                  ({t("accounts.form.optional")})
                </Text>
              )}
            </div>
            {children({ ...field, id, "aria-invalid": !!message, "aria-describedby": describedBy || undefined })}
            {hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
            {message && (
              <Hint id={`${id}-error`} variant="error">
                {message.startsWith("accounts.validation.") ? t(message) : message}
              </Hint>
            )}
          </div>
        )
      }}
    />
  )
}

/** A titled group of fields; advanced groups start collapsed and open by themselves on an error. */
export function FormSection({
  title,
  description,
  children,
  collapsible,
  fields = [],
  testId,
}: {
  title: string
  description?: string
  children: ReactNode
  collapsible?: boolean
  fields?: (keyof AccountFormValues)[]
  testId: string
}) {
  const { errors } = useFormState<AccountFormValues>()
  const hasError = fields.some((field) => !!(errors as Record<string, unknown>)[field])
  const [open, setOpen] = useState(!collapsible)
  useEffect(() => {
    if (hasError) setOpen(true)
  }, [hasError])
  const heading = (
    <div className="flex flex-col gap-y-1 text-left">
      <Text size="base" weight="plus" leading="compact">
        {title}
      </Text>
      {description && (
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      )}
    </div>
  )
  return (
    <section className="border-ui-border-base flex flex-col gap-y-4 border-b pb-8" data-testid={testId}>
      {collapsible ? (
        <button
          type="button"
          className="flex items-start gap-x-2"
          aria-expanded={open}
          onClick={() => setOpen((value) => !value)}
          data-testid={`${testId}-toggle`}
        >
          <TriangleRightMini className="text-ui-fg-muted mt-0.5" style={{ transform: open ? "rotate(90deg)" : undefined }} />
          {heading}
        </button>
      ) : (
        heading
      )}
      {open && <div className="flex flex-col gap-y-4">{children}</div>}
    </section>
  )
}
