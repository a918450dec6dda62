export interface LayoutSample {
  subject: string
  bodyHtml: string
  locale: string
}

const BODY = /\{\{\{\s*body\s*\}\}\}/g
const SUBJECT = /\{\{\s*_subject\s*\}\}/g
const LOCALE = /\{\{\s*_locale\s*\}\}/g
// Block tags ({{#if …}}, {{/if}}, {{else}}, {{^…}}) and comments: a sketch shows their content.
const BLOCK_TAGS = /\{\{~?\s*(?:[#/^!][^}]*|else)\s*~?\}\}/g

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char)

/**
 * A quick sketch of a layout around a sample mail, in the browser while typing: `{{{body}}}`
 * becomes the sample, `{{_subject}}` and `{{_locale}}` their values, other variables stay
 * visible as placeholders. The real rendering (and its checks) happens on the server on save.
 */
export function renderLayoutSample(layout: string, sample: LayoutSample): string {
  // The body goes in last, so nothing in it is mistaken for a layout expression.
  const marker = `\u0000body-${Math.random().toString(36).slice(2)}\u0000`
  return layout
    .replace(BODY, marker)
    .replace(SUBJECT, escapeHtml(sample.subject))
    .replace(LOCALE, escapeHtml(sample.locale))
    .replace(BLOCK_TAGS, "")
    .split(marker)
    .join(sample.bodyHtml)
}
