import { XMark } from "@medusajs/icons"
import { Drawer, IconButton } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

/**
 * A drawer header like @medusajs/ui's Drawer.Header, whose close button has no accessible name
 * (axe "button-name", critical): this one names it ("Schließen" / "Close").
 */
export const DrawerHeader = ({ title, description }: { title: string; description?: string }) => {
  const { t } = useTranslation("mailer")
  return (
    <div className="flex items-start justify-between gap-x-4 border-b px-6 py-4">
      <div className="flex flex-col gap-y-1">
        <Drawer.Title>{title}</Drawer.Title>
        {description && <Drawer.Description>{description}</Drawer.Description>}
      </div>
      <Drawer.Close asChild>
        <IconButton size="small" variant="transparent" aria-label={t("actions.close")} title={t("actions.close")}>
          <XMark />
        </IconButton>
      </Drawer.Close>
    </div>
  )
}
