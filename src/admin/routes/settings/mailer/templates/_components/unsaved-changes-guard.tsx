import { Prompt } from "@medusajs/ui"
import { useEffect } from "react"
import { useTranslation } from "react-i18next"
import { useBlocker } from "react-router-dom"

/**
 * Asks before unsaved template changes are lost: a prompt for navigation inside the admin
 * (react-router's blocker; a change of the query string alone, e.g. the preview's order, is
 * not leaving) and the browser's own dialog for closing or reloading the tab.
 */
export const UnsavedChangesGuard = ({ isDirty }: { isDirty: boolean }) => {
  const { t } = useTranslation("mailer")
  const blocker = useBlocker(({ currentLocation, nextLocation }) => isDirty && currentLocation.pathname !== nextLocation.pathname)

  useEffect(() => {
    if (!isDirty) return
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      // Older browsers need returnValue set to show the dialog; its text is the browser's own.
      event.returnValue = ""
    }
    window.addEventListener("beforeunload", warn)
    return () => window.removeEventListener("beforeunload", warn)
  }, [isDirty])

  return (
    <Prompt open={blocker.state === "blocked"} variant="confirmation">
      <Prompt.Content data-testid="mailer-template-unsaved-prompt">
        <Prompt.Header>
          <Prompt.Title>{t("templates.unsaved.title")}</Prompt.Title>
          <Prompt.Description>{t("templates.unsaved.description")}</Prompt.Description>
        </Prompt.Header>
        <Prompt.Footer>
          <Prompt.Cancel type="button" onClick={() => blocker.reset?.()}>
            {t("templates.unsaved.stay")}
          </Prompt.Cancel>
          <Prompt.Action type="button" onClick={() => blocker.proceed?.()}>
            {t("templates.unsaved.leave")}
          </Prompt.Action>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
