import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { mailerFetch, useMailerLanguage } from "../client"
import { mailerKeys } from "../query-keys"
import type { MailerMessage, MailerTemplate, MailerWarning } from "../types"
import type { FieldProblem } from "../client"
import { useMailerMutation, useMailerQuery } from "./use-mailer"

export type TemplateInput = Partial<
  Pick<MailerTemplate, "event_name" | "locale" | "sales_channel_id" | "account_id" | "subject" | "body_html" | "body_text" | "is_active">
>
export interface TemplateSaved {
  template: MailerTemplate
  warnings: (FieldProblem | MailerWarning)[]
}
export interface PreviewInput {
  event_name: string
  locale?: string
  account_id?: string | null
  subject: string
  body_html: string
  body_text?: string | null
  order_id?: string | null
}
export interface PreviewResult {
  subject: string
  html: string
  text: string
  warnings: FieldProblem[]
}

const AFFECTED = [mailerKeys.templates.all]

export const useTemplates = (filters: { event_name?: string; locale?: string } = {}) =>
  useMailerQuery<{ templates: MailerTemplate[]; count: number }>((l) => mailerKeys.templates.list(l, filters), "/templates", {
    query: filters,
  })

/** `id` is a stored template id or a shipped default's `default:<event>:<locale>`. */
export const useTemplate = (id: string | undefined) =>
  useMailerQuery<{ template: MailerTemplate }>((l) => mailerKeys.templates.detail(l, id ?? ""), `/templates/${id}`, {
    enabled: !!id,
  })

export const useCreateTemplate = () =>
  useMailerMutation<TemplateInput, TemplateSaved>((body) => ({ path: "/templates", body }), AFFECTED)

export const useUpdateTemplate = (id: string) =>
  useMailerMutation<TemplateInput, TemplateSaved>((body) => ({ path: `/templates/${id}`, body }), AFFECTED)

/** "Reset to default": deletes the stored template. */
export const useDeleteTemplate = () =>
  useMailerMutation<string, { id: string; deleted: boolean }>((id) => ({ path: `/templates/${id}`, method: "DELETE" }), AFFECTED)

/** Not a cache entry: the editor calls it debounced with the current source. */
export const usePreviewTemplate = () =>
  useMailerMutation<PreviewInput, PreviewResult>((body) => ({ path: "/templates/preview", body }), [])

/**
 * The live preview: a query keyed by the (already debounced) input, so an answer for an
 * older draft can never overwrite a newer one and going back to a draft is instant. The
 * last good render stays visible while the next one loads or fails. `null` renders nothing.
 */
export const useTemplatePreview = (input: PreviewInput | null) => {
  const language = useMailerLanguage()
  return useQuery({
    queryKey: [...mailerKeys.templates.all, "preview", language, input],
    queryFn: () => mailerFetch<PreviewResult>("/templates/preview", { language, method: "POST", body: input }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  })
}

export const useSendTemplateTestEmail = (id: string) =>
  useMailerMutation<{ to?: string | null; order_id?: string | null }, { message: MailerMessage }>(
    (body) => ({ path: `/templates/${id}/test-email`, body }),
    [mailerKeys.messages.all]
  )
