/**
 * Building blocks shared by the shipped templates. They are spliced into the
 * template source in code (not Handlebars partials, which templates may not use).
 */

const CELL = 'style="padding:8px 0;border-bottom:1px solid #e5e7eb;vertical-align:top"'
const CELL_RIGHT = 'style="padding:8px 0;border-bottom:1px solid #e5e7eb;text-align:right;vertical-align:top;white-space:nowrap"'

export interface ItemTableLabels {
  item: string
  quantity: string
  price: string
  total: string
}

export function itemTable(l: ItemTableLabels): string {
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:16px 0">
  <tr><th align="left" ${CELL}>${l.item}</th><th ${CELL_RIGHT}>${l.quantity}</th><th ${CELL_RIGHT}>${l.price}</th><th ${CELL_RIGHT}>${l.total}</th></tr>
  {{#each order.items}}
  <tr>
    <td ${CELL}>{{product_title}}{{#if variant_title}}<br><span style="color:#6b7280">{{variant_title}}</span>{{/if}}</td>
    <td ${CELL_RIGHT}>{{quantity}}</td>
    <td ${CELL_RIGHT}>{{money unit_price @root.order.currency_code}}</td>
    <td ${CELL_RIGHT}>{{money subtotal @root.order.currency_code}}</td>
  </tr>
  {{/each}}
</table>`
}

export interface TotalsLabels {
  subtotal: string
  shipping: string
  discount: string
  tax: string
  total: string
}

/**
 * The tax line only when there is tax: "enthaltene MwSt. 0,00 €" is wrong for
 * a small business (Kleinunternehmer, § 19 UStG). Without tax the settings'
 * tax note (store.tax_note) stands in its place, when there is one.
 */
export function totalsTable(l: TotalsLabels): string {
  const row = (label: string, value: string, strong = false) =>
    `<tr><td style="padding:4px 0${strong ? ";font-weight:bold" : ""}">${label}</td><td style="padding:4px 0;text-align:right${strong ? ";font-weight:bold" : ""}">${value}</td></tr>`
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 16px">
  ${row(l.subtotal, "{{money order.item_subtotal order.currency_code}}")}
  ${row(l.shipping, "{{money order.shipping_total order.currency_code}}")}
  {{#if order.discount_total}}${row(l.discount, "−{{money order.discount_total order.currency_code}}")}{{/if}}
  ${row(l.total, "{{money order.total order.currency_code}}", true)}
  {{#if (gt order.tax_total 0)}}${row(l.tax, "{{money order.tax_total order.currency_code}}")}{{else if store.tax_note}}<tr><td colspan="2" style="padding:4px 0;color:#6b7280">{{store.tax_note}}</td></tr>{{/if}}
</table>`
}

export function addressColumns(shipping: string, billing: string): string {
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:16px 0">
  <tr>
    <td style="vertical-align:top;width:50%;padding-right:8px"><strong>${shipping}</strong><br>{{address order.shipping_address}}</td>
    <td style="vertical-align:top;width:50%;padding-left:8px"><strong>${billing}</strong><br>{{address order.billing_address}}</td>
  </tr>
</table>`
}

export const CLOSING = `{{#if greeting}}<p>{{greeting}}</p>{{/if}}
{{signature}}`

export const HEADING_STYLE = 'style="font-size:20px;margin:0 0 16px"'

export function heading(text: string): string {
  return `<h1 ${HEADING_STYLE}>${text}</h1>`
}

/** "Hallo Erika Mustermann," / "Guten Tag," from a name variable that may be empty. */
export function salutation(lang: "de" | "en", nameVariable = "customer_name"): string {
  return lang === "de"
    ? `<p>{{#if ${nameVariable}}}Hallo {{${nameVariable}}},{{else}}Guten Tag,{{/if}}</p>`
    : `<p>{{#if ${nameVariable}}}Hello {{${nameVariable}}},{{else}}Hello,{{/if}}</p>`
}

/** Items of a shipment, return, claim or exchange (`title`, `variant_title`, `quantity`). */
export function linesTable(path: string, labels: { item: string; quantity: string }): string {
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:16px 0">
  <tr><th align="left" ${CELL}>${labels.item}</th><th ${CELL_RIGHT}>${labels.quantity}</th></tr>
  {{#each ${path}}}
  <tr>
    <td ${CELL}>{{title}}{{#if variant_title}}<br><span style="color:#6b7280">{{variant_title}}</span>{{/if}}</td>
    <td ${CELL_RIGHT}>{{quantity}}</td>
  </tr>
  {{/each}}
</table>`
}

/**
 * A call-to-action link styled as a button, followed by the bare URL for mail
 * clients that block styled links. The text part shows "label [url]".
 */
export function button(urlVariable: string, label: string, fallback: string): string {
  return `<p style="margin:24px 0"><a href="{{${urlVariable}}}" style="background:#111827;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block;font-weight:bold">${label}</a></p>
<p style="color:#6b7280;font-size:13px">${fallback}<br><span style="word-break:break-all">{{${urlVariable}}}</span></p>`
}

/** The order's number and date, the way every order mail names it. */
export function orderReference(lang: "de" | "en"): string {
  return lang === "de"
    ? `Bestellung Nr. <strong>{{order.display_id}}</strong> vom {{date order.created_at "long"}}`
    : `order #<strong>{{order.display_id}}</strong> of {{date order.created_at "long"}}`
}
