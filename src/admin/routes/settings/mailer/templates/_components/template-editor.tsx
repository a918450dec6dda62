import { usePrompt, toast, InlineTip } from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { ApiErrorAlert } from "../../../../../components/api-error-alert"
import { QueryState } from "../../../../../components/query-state"
import { useSalesChannels } from "../../../../../lib/api/sales-channels"
import { useTemplatePreview, type PreviewInput } from "../../../../../lib/api/templates"
import { MailerApiError, useMailerLanguage } from "../../../../../lib/client"
import type { CodeEditorHandle } from "./code-editor"
import { EditorHeader } from "./editor-header"
import { COMPILE_ERROR_CODES, editorProblems, isTemplateError } from "./editor-problems"
import { OrderPicker, type PickedOrder } from "./order-picker"
import { PreviewPanel } from "./preview-panel"
import { ProblemList, type SourceField } from "./problem-list"
import { SourceFields } from "./source-fields"
import { localeName } from "./template-model"
import { TestMailDrawer } from "./test-mail-drawer"
import { UnsavedChangesGuard } from "./unsaved-changes-guard"
import { useDebouncedValue } from "./use-debounced-value"
import { useTemplateEditor } from "./use-template-editor"
import { VariableList } from "./variable-list"

/** The preview waits for a typing pause this long before asking the server. */
const PREVIEW_DELAY_MS = 800

const hintOf = (err: unknown) => (err instanceof MailerApiError ? err.hint ?? err.message : String(err))

export const TemplateEditor = ({ eventName, locale, salesChannelId }: { eventName: string; locale: string; salesChannelId: string | null }) => {
  const { t } = useTranslation("mailer")
  const language = useMailerLanguage()
  const prompt = usePrompt()
  const editor = useTemplateEditor(eventName, locale, salesChannelId)
  const channels = useSalesChannels()
  const [order, setOrder] = useState<PickedOrder | null>(null)
  const [orderNotice, setOrderNotice] = useState<string | null>(null)
  const [testOpen, setTestOpen] = useState(false)
  const [focused, setFocused] = useState<SourceField>("body_html")
  const refs = { subject: useRef<HTMLInputElement>(null), body_html: useRef<CodeEditorHandle>(null), body_text: useRef<CodeEditorHandle>(null) }

  const { draft } = editor
  const previewInput = useMemo<PreviewInput | null>(
    () =>
      draft && { event_name: eventName, locale, account_id: editor.base?.account_id ?? null, ...draft, order_id: order?.id ?? null },
    [draft, eventName, locale, editor.base?.account_id, order?.id]
  )
  const settledInput = useDebouncedValue(previewInput, PREVIEW_DELAY_MS)
  const preview = useTemplatePreview(settledInput)
  const previewIsCurrent = JSON.stringify(settledInput) === JSON.stringify(previewInput)

  // A real order only works for events built from the order alone: say why, use the sample data.
  useEffect(() => {
    if (preview.error instanceof MailerApiError && preview.error.code === "NO_ORDER_CONTEXT") {
      setOrderNotice(hintOf(preview.error))
      setOrder(null)
    }
  }, [preview.error])

  const problems = editorProblems(preview.error, preview.data, editor.saveError)
  const compileBlocked = previewIsCurrent && preview.error instanceof MailerApiError && COMPILE_ERROR_CODES.has(preview.error.code)
  const channelName = salesChannelId ? channels.data?.find((c) => c.id === salesChannelId)?.name ?? salesChannelId : null
  const templateId = editor.stored?.id ?? editor.base?.id ?? editor.base?.default_id ?? null

  const changeDraft = (next: typeof draft) => {
    editor.resetSaveError()
    editor.setDraft(next)
  }

  const insertVariable = (snippet: string) => {
    if (focused === "subject") {
      const input = refs.subject.current
      const at = input?.selectionStart ?? draft!.subject.length
      const end = input?.selectionEnd ?? at
      changeDraft({ ...draft!, subject: draft!.subject.slice(0, at) + snippet + draft!.subject.slice(end) })
      return
    }
    const target = focused === "body_text" && draft!.body_text !== null ? refs.body_text : refs.body_html
    target.current?.insert(snippet)
  }

  const onSave = async () => {
    try {
      await editor.save(draft!)
      toast.success(t("templates.editor.saved"))
    } catch (err) {
      toast.error(t("templates.editor.saveFailed"), { description: hintOf(err) })
    }
  }

  const onReset = async () => {
    const confirmed = await prompt({
      title: salesChannelId ? t("templates.reset.channelTitle") : t("templates.reset.title"),
      description: salesChannelId ? t("templates.reset.channelDescription") : t("templates.reset.description"),
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

  if (editor.eventMissing) {
    return <ApiErrorAlert error={new Error(t("templates.editor.unknownEvent", { event: eventName }))} />
  }

  return (
    <QueryState query={{ isLoading: editor.isLoading || !draft, error: editor.loadError, refetch: editor.refetch }}>
      {draft && (
        <div className="flex flex-col gap-y-3">
          <UnsavedChangesGuard isDirty={editor.isDirty} />
          <EditorHeader
            title={`${editor.event?.label ?? eventName} · ${localeName(locale, language)}`}
            description={editor.event?.description ?? ""}
            isOwn={!!editor.stored}
            channelName={channelName}
            eventEnabled={editor.event?.enabled ?? true}
            isDirty={editor.isDirty}
            canReset={!!editor.stored?.id}
            saveDisabled={!editor.isDirty || compileBlocked}
            saving={editor.saving}
            resetting={editor.resetting}
            onSave={onSave}
            onReset={onReset}
            onTestMail={() => setTestOpen(true)}
          />
          {compileBlocked && (
            <InlineTip variant="error" label={t("templates.editor.saveBlockedLabel")} data-testid="mailer-template-save-blocked">
              {t("templates.editor.saveBlocked")}
            </InlineTip>
          )}
          <div className="grid grid-cols-1 items-start gap-3 xl:grid-cols-2">
            <div className="flex flex-col gap-y-3">
              <SourceFields
                draft={draft}
                onChange={changeDraft}
                problems={problems}
                refs={refs}
                onFocusField={setFocused}
                generatedText={preview.data?.text ?? ""}
              />
              <ProblemList problems={problems} onJump={(field, line) => (field === "body_text" ? refs.body_text : refs.body_html).current?.goToLine(line)} />
              {preview.error && !isTemplateError(preview.error) && !(preview.error instanceof MailerApiError && preview.error.code === "NO_ORDER_CONTEXT") && (
                <ApiErrorAlert error={preview.error} />
              )}
              <VariableList variables={editor.event?.variables ?? []} onInsert={insertVariable} target={t(`templates.fields.${focused}`)} />
            </div>
            <PreviewPanel
              result={preview.data}
              isUpdating={preview.isFetching || !previewIsCurrent}
              orderPicker={<OrderPicker value={order} onChange={(o) => (setOrder(o), setOrderNotice(null))} testId="mailer-template-preview-order" />}
              notice={orderNotice && <InlineTip variant="info" label={t("templates.order.noContextLabel")} data-testid="mailer-template-no-order-context">{orderNotice}</InlineTip>}
            />
          </div>
          {templateId && (
            <TestMailDrawer key={testOpen ? "open" : "closed"} templateId={templateId} isDirty={editor.isDirty} initialOrder={order} open={testOpen} onOpenChange={setTestOpen} />
          )}
        </div>
      )}
    </QueryState>
  )
}
