export interface TemplateSource {
  subject: string
  body_html: string
  body_text?: string | null
}

/** A shipped default: the language it is written in and its source. */
export type ShippedTemplates = Record<string, TemplateSource>
