import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands"
import { html } from "@codemirror/lang-html"
import { bracketMatching, syntaxHighlighting } from "@codemirror/language"
import { EditorState, type Extension } from "@codemirror/state"
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view"
import { forwardRef, useEffect, useImperativeHandle, useRef } from "react"
import { accessibleHighlightStyle } from "./highlight-style"
import { lineMarks, setLineMarks, type LineMark } from "./line-marks"

/** What the editor page can do with an editor: insert a variable at the cursor, jump to a line. */
export interface CodeEditorHandle {
  insert: (text: string) => void
  goToLine: (line: number) => void
}

interface CodeEditorProps {
  value: string
  onChange: (value: string) => void
  language: "html" | "text"
  marks: LineMark[]
  label: string
  testId: string
  onFocus?: () => void
}

const editorTheme = EditorView.theme({
  "&": { fontSize: "13px", height: "100%", backgroundColor: "var(--bg-field)", color: "var(--fg-base)" },
  // The outer box scrolls (and is keyboard-focusable); CodeMirror's own scroller only grows.
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", minHeight: "320px" },
  ".cm-gutters": { backgroundColor: "var(--bg-subtle)", color: "var(--fg-subtle)", borderRight: "1px solid var(--border-base)" },
  "&.cm-focused": { outline: "none" },
})

function extensions(props: CodeEditorProps, onChange: { current: (v: string) => void }, onFocus: { current?: () => void }): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightActiveLine(),
    history(),
    bracketMatching(),
    syntaxHighlighting(accessibleHighlightStyle),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    EditorView.lineWrapping,
    editorTheme,
    lineMarks(),
    ...(props.language === "html" ? [html({ autoCloseTags: false })] : []),
    EditorView.contentAttributes.of({ "aria-label": props.label, "data-testid": props.testId }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange.current(update.state.doc.toString())
      if (update.focusChanged && update.view.hasFocus) onFocus.current?.()
    }),
  ]
}

/**
 * CodeMirror 6 as a controlled React input: HTML highlighting, line numbers, undo, and the
 * lines of template problems marked. The view is created once; a `value` that differs from
 * the document (reset, loaded template) replaces it without losing the undo history.
 */
export const CodeEditor = forwardRef<CodeEditorHandle, CodeEditorProps>((props, ref) => {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const onChange = useRef(props.onChange)
  const onFocus = useRef(props.onFocus)
  onChange.current = props.onChange
  onFocus.current = props.onFocus

  useEffect(() => {
    const state = EditorState.create({ doc: props.value, extensions: extensions(props, onChange, onFocus) })
    view.current = new EditorView({ state, parent: host.current! })
    return () => view.current?.destroy()
    // The view lives as long as the component; value and marks are synced below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.language])

  useEffect(() => {
    const current = view.current
    if (!current || current.state.doc.toString() === props.value) return
    current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: props.value } })
  }, [props.value])

  useEffect(() => {
    view.current?.dispatch({ effects: setLineMarks.of(props.marks) })
  }, [props.marks])

  useImperativeHandle(ref, () => ({
    insert: (text) => {
      const current = view.current
      if (!current) return
      const { from, to } = current.state.selection.main
      current.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length }, scrollIntoView: true })
      current.focus()
    },
    goToLine: (line) => {
      const current = view.current
      if (!current || line < 1 || line > current.state.doc.lines) return
      const { from } = current.state.doc.line(line)
      current.dispatch({ selection: { anchor: from }, scrollIntoView: true })
      current.focus()
    },
  }))

  return (
    <div
      ref={host}
      tabIndex={0}
      role="group"
      aria-label={props.label}
      className="border-ui-border-base focus-visible:shadow-borders-focus max-h-[560px] overflow-auto rounded-md border outline-none"
    />
  )
})
CodeEditor.displayName = "CodeEditor"
