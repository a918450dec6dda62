import { compile, HtmlToTextOptions } from "html-to-text"

/**
 * The text/plain alternative of an HTML mail. Links keep html-to-text's
 * "text [url]" form (a plain-text reader must see where a link goes); images
 * are dropped (alt texts of logos are noise); tables are laid out as columns
 * so an order's line items stay readable; headings and table headers keep
 * their case (uppercasing German nouns reads as shouting).
 */
export const TEXT_PART_OPTIONS: HtmlToTextOptions = {
  wordwrap: 78,
  selectors: [
    { selector: "img", format: "skip" },
    { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false, maxColumnWidth: 40 } },
    ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({
      selector,
      options: { uppercase: false },
    })),
  ],
}

/**
 * Compiled once: html-to-text's `convert` rebuilds its selector decision tree
 * on every call, which cost more than the conversion itself.
 */
const toText = compile(TEXT_PART_OPTIONS)

export function htmlToTextPart(html: string): string {
  if (html.trim() === "") return ""
  return toText(html).trim()
}
