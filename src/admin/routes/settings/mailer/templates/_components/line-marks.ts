import { RangeSet, StateEffect, StateField, type Extension, type Range } from "@codemirror/state"
import { Decoration, EditorView, GutterMarker, gutterLineClass, type DecorationSet } from "@codemirror/view"

/**
 * Marks the lines a template problem points at: the line gets a tinted background, its
 * line number turns red (error) or orange (warning), and the message is the line's
 * tooltip. The marks come from the server (preview or save) and are replaced as a whole.
 */
export interface LineMark {
  line: number
  severity: "error" | "warning"
  message: string
}

export const setLineMarks = StateEffect.define<LineMark[]>()

class SeverityGutterMarker extends GutterMarker {
  constructor(readonly severity: LineMark["severity"]) {
    super()
    this.elementClass = `cm-mailer-gutter-${severity}`
  }
  eq(other: GutterMarker): boolean {
    return other instanceof SeverityGutterMarker && other.severity === this.severity
  }
}

interface MarkState {
  lines: DecorationSet
  gutter: RangeSet<GutterMarker>
}

/** Errors win over warnings on the same line; lines past the end of the text are dropped. */
function buildMarks(view: { doc: EditorView["state"]["doc"] }, marks: LineMark[]): MarkState {
  const byLine = new Map<number, LineMark[]>()
  for (const mark of marks) {
    if (mark.line < 1 || mark.line > view.doc.lines) continue
    byLine.set(mark.line, [...(byLine.get(mark.line) ?? []), mark])
  }
  const lines: Range<Decoration>[] = []
  const gutter: Range<GutterMarker>[] = []
  for (const number of [...byLine.keys()].sort((a, b) => a - b)) {
    const onLine = byLine.get(number)!
    const severity = onLine.some((m) => m.severity === "error") ? "error" : "warning"
    const from = view.doc.line(number).from
    const attributes = { title: onLine.map((m) => m.message).join("\n"), "data-mailer-mark": severity }
    lines.push(Decoration.line({ class: `cm-mailer-line-${severity}`, attributes }).range(from))
    gutter.push(new SeverityGutterMarker(severity).range(from))
  }
  return { lines: Decoration.set(lines), gutter: RangeSet.of(gutter) }
}

const markField = StateField.define<MarkState>({
  create: () => ({ lines: Decoration.none, gutter: RangeSet.empty }),
  update(value, transaction) {
    let next = { lines: value.lines.map(transaction.changes), gutter: value.gutter.map(transaction.changes) }
    for (const effect of transaction.effects) {
      if (effect.is(setLineMarks)) next = buildMarks(transaction.state, effect.value)
    }
    return next
  },
  provide: (field) => [
    EditorView.decorations.from(field, (state) => state.lines),
    gutterLineClass.from(field, (state) => state.gutter),
  ],
})

const markTheme = EditorView.baseTheme({
  ".cm-mailer-line-error": { backgroundColor: "rgba(225, 29, 72, 0.12)" },
  ".cm-mailer-line-warning": { backgroundColor: "rgba(245, 158, 11, 0.12)" },
  ".cm-mailer-gutter-error": { color: "#be123c", fontWeight: "600" },
  ".cm-mailer-gutter-warning": { color: "#b45309", fontWeight: "600" },
})

export function lineMarks(): Extension {
  return [markField, markTheme]
}
