import { ComputerDesktop, Phone } from "@medusajs/icons"
import { Container, Heading, IconButton, Tabs, Text, Tooltip, clx } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { useTranslation } from "react-i18next"
import type { PreviewResult } from "../../../../../lib/api/templates"

type Width = "desktop" | "phone"

/**
 * The mail as the server rendered it. The HTML is shown only inside `<iframe sandbox="">`
 * (no scripts, no same-origin, no forms, no top navigation): it contains customer data and
 * merchant-written markup and must never run in the admin's origin.
 */
export const PreviewPanel = ({
  result,
  isUpdating,
  orderPicker,
  notice,
}: {
  result: PreviewResult | undefined
  isUpdating: boolean
  orderPicker: ReactNode
  notice: ReactNode
}) => {
  const { t } = useTranslation("mailer")
  const [width, setWidth] = useState<Width>("desktop")

  return (
    <Container className="flex flex-col gap-y-3 p-0" data-testid="mailer-template-preview">
      <div className="flex items-center justify-between px-6 pt-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">{t("templates.preview.title")}</Heading>
          {isUpdating && (
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="mailer-template-preview-updating">
              {t("templates.preview.updating")}
            </Text>
          )}
        </div>
        <div className="flex gap-x-1" role="group" aria-label={t("templates.preview.width")}>
          <WidthButton active={width === "desktop"} label={t("templates.preview.desktop")} onClick={() => setWidth("desktop")}>
            <ComputerDesktop />
          </WidthButton>
          <WidthButton active={width === "phone"} label={t("templates.preview.phone")} onClick={() => setWidth("phone")}>
            <Phone />
          </WidthButton>
        </div>
      </div>
      <div className="flex flex-col gap-y-1 px-6">
        <Text size="small" className="text-ui-fg-subtle">
          {t("templates.preview.dataSource")}
        </Text>
        {orderPicker}
        {notice}
      </div>
      <div className="px-6">
        <Text size="small" className="text-ui-fg-subtle">
          {t("templates.fields.subject")}
        </Text>
        <Text size="small" weight="plus" data-testid="mailer-template-preview-subject">
          {result?.subject ?? "–"}
        </Text>
      </div>
      <Tabs defaultValue="html" className="px-6 pb-6">
        <Tabs.List>
          <Tabs.Trigger value="html">{t("templates.preview.html")}</Tabs.Trigger>
          <Tabs.Trigger value="text">{t("templates.preview.text")}</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="html" className="pt-3">
          <div className={clx("border-ui-border-base mx-auto overflow-hidden rounded-md border", width === "phone" ? "w-[375px]" : "w-full")}>
            <iframe
              sandbox=""
              srcDoc={result?.html ?? ""}
              title={t("templates.preview.frameTitle")}
              className="block h-[640px] w-full bg-white"
              data-testid="mailer-template-preview-frame"
            />
          </div>
        </Tabs.Content>
        <Tabs.Content value="text" className="pt-3">
          <pre
            className="bg-ui-bg-subtle border-ui-border-base txt-compact-small max-h-[640px] overflow-auto whitespace-pre-wrap rounded-md border p-4 font-mono"
            data-testid="mailer-template-preview-text"
          >
            {result?.text ?? ""}
          </pre>
        </Tabs.Content>
      </Tabs>
    </Container>
  )
}

const WidthButton = ({ active, label, onClick, children }: { active: boolean; label: string; onClick: () => void; children: ReactNode }) => (
  <Tooltip content={label}>
    <IconButton size="small" variant={active ? "primary" : "transparent"} aria-label={label} aria-pressed={active} onClick={onClick}>
      {children}
    </IconButton>
  </Tooltip>
)
