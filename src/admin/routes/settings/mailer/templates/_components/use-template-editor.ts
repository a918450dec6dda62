import { useState } from "react"
import { useEvents } from "../../../../../lib/api/settings"
import { useCreateTemplate, useDeleteTemplate, useTemplate, useTemplates, useUpdateTemplate } from "../../../../../lib/api/templates"
import type { MailerTemplate } from "../../../../../lib/types"
import { findStoredTemplate, startingDefaultLocale } from "./template-model"

/** What the merchant edits; `body_text` null = the text part is generated from the HTML. */
export interface TemplateSource {
  subject: string
  body_html: string
  body_text: string | null
}

const sourceOf = (t: MailerTemplate): TemplateSource => ({ subject: t.subject, body_html: t.body_html, body_text: t.body_text ?? null })

const EMPTY_SOURCE: TemplateSource = { subject: "", body_html: "", body_text: null }

const sameSource = (a: TemplateSource, b: TemplateSource) =>
  a.subject === b.subject && a.body_html === b.body_html && a.body_text === b.body_text

/**
 * The editor at (event, locale, sales channel): what is stored there, what a new template
 * starts from, the draft and whether it differs, and save / reset. A template for one sales
 * channel starts from what that channel gets today (the shop-wide own template, else the
 * shipped default); a new language starts from the nearest shipped language.
 */
export function useTemplateEditor(eventName: string, locale: string, salesChannelId: string | null) {
  const events = useEvents()
  const templates = useTemplates({ event_name: eventName })
  const event = events.data?.events.find((e) => e.name === eventName) ?? null
  const list = templates.data?.templates ?? []
  const stored = findStoredTemplate(list, eventName, locale, salesChannelId)
  const shopWide = salesChannelId ? findStoredTemplate(list, eventName, locale, null) : null
  const defaultLocale = event ? startingDefaultLocale(event, locale) : null
  const needsDefault = !!event && !!templates.data && !stored && !(shopWide?.is_active ?? false)
  const shipped = useTemplate(needsDefault && defaultLocale ? `default:${eventName}:${defaultLocale}` : undefined)
  const base = stored ?? (shopWide?.is_active ? shopWide : null) ?? shipped.data?.template ?? null

  const [draft, setDraft] = useState<TemplateSource | null>(null)
  const [loadedKey, setLoadedKey] = useState<string | null>(null)
  // A new base (first load, saved as own template, reset to default) replaces the draft;
  // a refetch of the same version does not, so typing is never overwritten.
  const baseKey = base ? `${base.id ?? base.default_id}@${base.updated_at ?? ""}` : null
  if (base && baseKey !== loadedKey) {
    setLoadedKey(baseKey)
    setDraft(sourceOf(base))
  }
  const noStartingPoint = needsDefault && !defaultLocale
  if (noStartingPoint && draft === null) setDraft(EMPTY_SOURCE)

  const create = useCreateTemplate()
  const update = useUpdateTemplate(stored?.id ?? "")
  const remove = useDeleteTemplate()

  const save = (source: TemplateSource) =>
    stored?.id
      ? update.mutateAsync(source)
      : create.mutateAsync({ event_name: eventName, locale, sales_channel_id: salesChannelId, ...source })

  const resetToDefault = () => remove.mutateAsync(stored!.id!)

  return {
    event,
    stored,
    base,
    startsFrom: stored ? null : base,
    draft,
    setDraft,
    isDirty: !!draft && !sameSource(draft, base ? sourceOf(base) : EMPTY_SOURCE),
    isLoading: events.isLoading || templates.isLoading || shipped.isLoading,
    loadError: events.error ?? templates.error ?? shipped.error ?? null,
    eventMissing: !!events.data && !event,
    refetch: () => Promise.all([events.refetch(), templates.refetch()]),
    save,
    saving: create.isPending || update.isPending,
    saveError: create.error ?? update.error ?? null,
    resetSaveError: () => {
      create.reset()
      update.reset()
    },
    resetToDefault,
    resetting: remove.isPending,
  }
}

export type TemplateEditorState = ReturnType<typeof useTemplateEditor>
