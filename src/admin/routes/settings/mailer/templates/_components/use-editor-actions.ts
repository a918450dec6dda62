import { toast, usePrompt } from "@medusajs/ui"
import { useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { MailerApiError } from "../../../../../lib/client"
import type { CodeEditorHandle } from "./code-editor"
import type { SourceField } from "./problem-list"
import type { SourceRefs } from "./source-fields"
import type { TemplateEditorState, TemplateSource } from "./use-template-editor"

const hintOf = (err: unknown) => (err instanceof MailerApiError ? err.hint ?? err.message : String(err))

/** Puts `snippet` into the subject at its cursor (the subject is a plain input). */
function insertIntoSubject(draft: TemplateSource, input: HTMLInputElement | null, snippet: string): TemplateSource {
  const at = input?.selectionStart ?? draft.subject.length
  const end = input?.selectionEnd ?? at
  return { ...draft, subject: draft.subject.slice(0, at) + snippet + draft.subject.slice(end) }
}

/**
 * What the merchant does in the editor: type (a change clears the last refused save),
 * insert a variable where the cursor last was, jump to a problem's line, save, and reset
 * to the default after a confirmation. Every outcome ends in a toast.
 */
export function useEditorActions(editor: TemplateEditorState, isChannelTemplate: boolean) {
  const { t } = useTranslation("mailer")
  const prompt = usePrompt()
  const [focused, setFocused] = useState<SourceField>("body_html")
  const refs: SourceRefs = {
    subject: useRef<HTMLInputElement>(null),
    body_html: useRef<CodeEditorHandle>(null),
    body_text: useRef<CodeEditorHandle>(null),
  }

  const change = (next: TemplateSource) => {
    editor.resetSaveError()
    editor.setDraft(next)
  }

  const insertVariable = (snippet: string) => {
    const draft = editor.draft!
    if (focused === "subject") return change(insertIntoSubject(draft, refs.subject.current, snippet))
    const target = focused === "body_text" && draft.body_text !== null ? refs.body_text : refs.body_html
    target.current?.insert(snippet)
  }

  const jumpTo = (field: SourceField, line: number) => (field === "body_text" ? refs.body_text : refs.body_html).current?.goToLine(line)

  const save = async () => {
    try {
      await editor.save(editor.draft!)
      toast.success(t("templates.editor.saved"))
    } catch (err) {
      toast.error(t("templates.editor.saveFailed"), { description: hintOf(err) })
    }
  }

  const reset = async () => {
    const confirmed = await prompt({
      title: isChannelTemplate ? t("templates.reset.channelTitle") : t("templates.reset.title"),
      description: isChannelTemplate ? t("templates.reset.channelDescription") : t("templates.reset.description"),
      confirmText: t("templates.reset.confirm"),
      cancelText: t("actions.cancel"),
      variant: "danger",
    })
    if (!confirmed) return
    try {
      await editor.resetToDefault()
      toast.success(t("templates.reset.done"))
    } catch (err) {
      toast.error(t("templates.reset.failed"), { description: hintOf(err) })
    }
  }

  return { refs, focused, setFocused, change, insertVariable, jumpTo, save, reset }
}
