import { Label, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * One labelled form field with an optional hint and the field's error, laid out like the
 * dashboard's Form.Item (label, control, hint, error). The control needs `id={htmlFor}`.
 */
export const FormField = ({
  htmlFor,
  label,
  optional,
  hint,
  error,
  className,
  children,
}: {
  htmlFor: string
  label: ReactNode
  optional?: ReactNode
  hint?: ReactNode
  error?: string
  className?: string
  children: ReactNode
}) => (
  <div className={clx("flex flex-col gap-y-2", className)}>
    <Label htmlFor={htmlFor} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-subtle font-normal"> ({optional})</span>}
    </Label>
    {children}
    {hint && (
      <Text size="small" className="text-ui-fg-subtle">
        {hint}
      </Text>
    )}
    {error && (
      <Text size="small" className="text-ui-fg-error" role="alert" data-testid={`${htmlFor}-error`}>
        {error}
      </Text>
    )}
  </div>
)
