import { Badge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import type { SalesChannelOption } from "../../../../../lib/api/sales-channels"
import { templateEditorPath, type MatrixCell as Cell } from "./template-model"

const KIND_COLOR = { own: "green", inactive: "orange", default: "grey", missing: "grey" } as const

/**
 * One event in one language: what a mail to all channels uses (link to the editor) and the
 * templates for single sales channels below it.
 */
export const MatrixCell = ({ eventName, cell, channels }: { eventName: string; cell: Cell; channels: SalesChannelOption[] }) => {
  const { t } = useTranslation("mailer")
  const channelName = (id: string | null) => channels.find((c) => c.id === id)?.name ?? id ?? ""
  return (
    <div className="flex flex-col items-start gap-y-1 py-2" data-testid={`mailer-matrix-cell-${eventName}-${cell.locale}`} data-kind={cell.kind}>
      <Link to={templateEditorPath(eventName, cell.locale)} className="rounded-md focus-visible:shadow-borders-focus" aria-label={t("templates.matrix.editLabel", { kind: t(`templates.kind.${cell.kind}`), locale: cell.locale })}>
        <Badge size="2xsmall" color={KIND_COLOR[cell.kind]} className="cursor-pointer">
          {t(`templates.kind.${cell.kind}`)}
        </Badge>
      </Link>
      {cell.channelTemplates.map((template) => (
        <Link
          key={template.id}
          to={templateEditorPath(eventName, template.locale, template.sales_channel_id)}
          className="txt-compact-xsmall text-ui-fg-base font-medium underline underline-offset-2"
          data-testid="mailer-matrix-channel-template"
        >
          {t("templates.matrix.channelTemplate", { name: channelName(template.sales_channel_id) })}
          {!template.is_active && ` (${t("templates.kind.inactive")})`}
        </Link>
      ))}
    </div>
  )
}
