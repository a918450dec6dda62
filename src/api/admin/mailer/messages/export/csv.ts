/**
 * CSV as Excel and LibreOffice read it: RFC 4180 quoting, CRLF line ends and a
 * UTF-8 byte order mark (without it Excel guesses Windows-1252 and breaks
 * umlauts). Cells that a spreadsheet would run as a formula get a leading
 * apostrophe (OWASP "CSV injection"): recipients and subjects come from
 * customers.
 */
export const CSV_BOM = "\uFEFF"

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/

export type CsvValue = string | number | boolean | Date | null | undefined

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ""
  let text = value instanceof Date ? value.toISOString() : String(value)
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(values: CsvValue[]): string {
  return values.map(csvCell).join(",") + "\r\n"
}

export function csvDocument(header: string[], rows: CsvValue[][]): string {
  return CSV_BOM + csvRow(header) + rows.map(csvRow).join("")
}
