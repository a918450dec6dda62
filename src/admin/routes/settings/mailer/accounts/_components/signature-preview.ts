/**
 * The `<MITARBEITER…>` placeholders of signature and greeting and a client-side preview of
 * them. In a real mail they name the admin who acted, else the account's contact person
 * (core/render/staff-variables.ts); the form has no acting admin, so the preview uses the
 * contact person's values as an automatic mail would.
 */
export const STAFF_PLACEHOLDERS = [
  { token: "<MITARBEITER>", field: "contact_name" },
  { token: "<MITARBEITER_TELEFON>", field: "contact_phone" },
  { token: "<MITARBEITER_MOBIL>", field: "contact_mobile" },
  { token: "<MITARBEITER_EMAIL>", field: "contact_email" },
  { token: "<MITARBEITER_TELEFAX>", field: "contact_fax" },
] as const

export type ContactValues = Record<(typeof STAFF_PLACEHOLDERS)[number]["field"], string>

const PLACEHOLDER = /<(MITARBEITER(?:_(?:TELEFON|MOBIL|EMAIL|TELEFAX))?)>|\{(MITARBEITER(?:_(?:TELEFON|MOBIL|EMAIL|TELEFAX))?)\}/g

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)
}

/** Placeholders replaced by the (escaped) contact values; unknown values render empty. */
export function fillPlaceholders(source: string, contact: ContactValues): string {
  return source.replace(PLACEHOLDER, (_match, angle?: string, brace?: string) => {
    const token = `<${angle ?? brace}>`
    const entry = STAFF_PLACEHOLDERS.find((p) => p.token === token)
    return entry ? escapeHtml(contact[entry.field] ?? "") : ""
  })
}

/** The document shown in the sandboxed preview frame: greeting (plain text) above the signature (HTML). */
export function signaturePreviewDocument(greeting: string, signatureHtml: string, contact: ContactValues): string {
  const greetingHtml = fillPlaceholders(escapeHtml(greeting).replace(/&lt;(\/?MITARBEITER[A-Z_]*)&gt;/g, "<$1>"), contact)
  return [
    '<!doctype html><html><head><meta charset="utf-8"></head>',
    '<body style="font-family: system-ui, sans-serif; font-size: 14px; color: #18181b; margin: 12px">',
    `<p style="white-space: pre-line; margin: 0 0 12px">${greetingHtml}</p>`,
    fillPlaceholders(signatureHtml, contact),
    "</body></html>",
  ].join("")
}

/** Inserts `token` at the textarea's cursor; returns the new text and where the cursor goes. */
export function insertAtCursor(value: string, token: string, start: number | null, end: number | null) {
  const from = start ?? value.length
  const to = end ?? from
  return { value: value.slice(0, from) + token + value.slice(to), cursor: from + token.length }
}
