import { InlineTip } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { ApiErrorAlert } from "../../../../../components/api-error-alert"
import { QueryState } from "../../../../../components/query-state"
import { useSalesChannels } from "../../../../../lib/api/sales-channels"
import { MailerApiError, useMailerLanguage } from "../../../../../lib/client"
import { EditorHeader } from "./editor-header"
import { COMPILE_ERROR_CODES, editorProblems, isTemplateError } from "./editor-problems"
import { OrderPicker } from "./order-picker"
import { PreviewPanel } from "./preview-panel"
import { ProblemList } from "./problem-list"
import { SourceFields } from "./source-fields"
import { localeName } from "./template-model"
import { TestMailDrawer } from "./test-mail-drawer"
import { UnsavedChangesGuard } from "./unsaved-changes-guard"
import { useEditorActions } from "./use-editor-actions"
import { isNoOrderContext, useEditorPreview } from "./use-editor-preview"
import { useTemplateEditor } from "./use-template-editor"
import { VariableList } from "./variable-list"

/**
 * One template: source on the left (subject, HTML, text part, problems, variables), the
 * server's rendering on the right. Saving is refused while the current draft does not
 * compile; the server refuses it as well.
 */
export const TemplateEditor = ({ eventName, locale, salesChannelId }: { eventName: string; locale: string; salesChannelId: string | null }) => {
  const { t } = useTranslation("mailer")
  const language = useMailerLanguage()
  const editor = useTemplateEditor(eventName, locale, salesChannelId)
  const { preview, isCurrent, order, pickOrder, orderNotice } = useEditorPreview(editor, eventName, locale)
  const actions = useEditorActions(editor, !!salesChannelId)
  const channels = useSalesChannels()
  const [testOpen, setTestOpen] = useState(false)
  const { draft } = editor

  if (editor.eventMissing) return <ApiErrorAlert error={new Error(t("templates.editor.unknownEvent", { event: eventName }))} />

  const problems = editorProblems(preview.error, preview.data, editor.saveError)
  const compileBlocked = isCurrent && preview.error instanceof MailerApiError && COMPILE_ERROR_CODES.has(preview.error.code)
  const otherPreviewError = preview.error && !isTemplateError(preview.error) && !isNoOrderContext(preview.error) ? preview.error : null
  const channelName = salesChannelId ? channels.data?.find((c) => c.id === salesChannelId)?.name ?? salesChannelId : null
  const templateId = editor.stored?.id ?? editor.base?.id ?? editor.base?.default_id ?? null

  return (
    <QueryState query={{ isLoading: !draft && !editor.loadError, error: draft ? null : editor.loadError, refetch: editor.refetch }}>
      {draft && (
        <div className="flex flex-col gap-y-3">
          <UnsavedChangesGuard isDirty={editor.isDirty} />
          <EditorHeader
            title={`${editor.event?.label ?? eventName} · ${localeName(locale, language)}`}
            description={editor.event?.description ?? ""}
            kind={!editor.stored ? "default" : editor.stored.is_active ? "own" : "inactive"}
            channelName={channelName}
            eventEnabled={editor.event?.enabled ?? true}
            isDirty={editor.isDirty}
            canReset={!!editor.stored?.id}
            saveDisabled={!editor.isDirty || compileBlocked}
            saving={editor.saving}
            resetting={editor.resetting}
            onSave={actions.save}
            onReset={actions.reset}
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
                onChange={actions.change}
                problems={problems}
                refs={actions.refs}
                onFocusField={actions.setFocused}
                generatedText={preview.data?.text ?? ""}
              />
              <ProblemList problems={problems} onJump={actions.jumpTo} />
              {otherPreviewError && <ApiErrorAlert error={otherPreviewError} />}
              <VariableList variables={editor.event?.variables ?? []} onInsert={actions.insertVariable} target={t(`templates.fields.${actions.focused}`)} />
            </div>
            <PreviewPanel
              result={preview.data}
              isUpdating={preview.isFetching || !isCurrent}
              orderPicker={<OrderPicker value={order} onChange={pickOrder} testId="mailer-template-preview-order" />}
              notice={
                orderNotice && (
                  <InlineTip variant="info" label={t("templates.order.noContextLabel")} data-testid="mailer-template-no-order-context">
                    {orderNotice}
                  </InlineTip>
                )
              }
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
