/**
 * The JSON value editor's CodeMirror 6 view, loaded on demand (JsonEditor imports it lazily) so the
 * first page does not pay for it. It holds text only: parsing stays with lib/json.ts, which says
 * where the text breaks; that place is shown here as a lint diagnostic.
 */
import { jsonLanguage } from '@codemirror/lang-json'
import { type Diagnostic, setDiagnostics } from '@codemirror/lint'
import { type EditorState, RangeSetBuilder } from '@codemirror/state'
import {
  Decoration,
  type DecorationSet,
  EditorView,
  highlightActiveLineGutter,
  lineNumbers,
  ViewPlugin,
  type ViewUpdate,
} from '@codemirror/view'
import { minimalSetup } from 'codemirror'
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react'
import type { JsonEditorHandle } from './json-editor-handle'

export interface JsonCodeMirrorProps {
  value: string
  onChange: (text: string) => void
  /** the label's id and the status line's id, for the contenteditable's accessible name and description */
  labelId: string
  describedBy: string
  invalid: boolean
  /** the caret's place in the stand-in textarea if it had focus: focus and caret carry over */
  handoff?: { current: number | null }
  /** where the text stops being JSON, and why */
  error: { offset: number; message: string } | null
  ref?: Ref<JsonEditorHandle>
}

// Token classes by lezer node name; their colours are the app's CSS variables (forms.css), so dark mode follows.
const TOKEN: Record<string, string> = {
  String: 'tok-string',
  PropertyName: 'tok-property',
  Number: 'tok-number',
  True: 'tok-literal',
  False: 'tok-literal',
  Null: 'tok-literal',
}

function tokens(state: EditorState): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>()
  jsonLanguage.parser.parse(state.doc.toString()).iterate({
    enter(node) {
      const cls = TOKEN[node.name]
      if (!cls) return
      if (node.to > node.from) builder.add(node.from, node.to, Decoration.mark({ class: cls }))
      return false
    },
  })
  return builder.finish()
}

const highlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = tokens(view.state)
    }
    update(u: ViewUpdate) {
      if (u.docChanged) this.decorations = tokens(u.state)
    }
  },
  { decorations: (p) => p.decorations },
)

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--surface)', color: 'var(--text)' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--surface-3)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--accent-soft)' },
})

function diagnostics(view: EditorView, offset: number | null, message: string): Diagnostic[] {
  if (offset === null) return []
  const length = view.state.doc.length
  const from = Math.min(offset, length)
  // The faulty character; at the very end (text cut short) the last one, so the mark is visible.
  const [start, end] = from < length ? [from, from + 1] : [Math.max(0, length - 1), length]
  return [{ from: start, to: end, severity: 'error', message }]
}

export default function JsonCodeMirror({
  value,
  onChange,
  labelId,
  describedBy,
  invalid,
  handoff,
  error,
  ref,
}: JsonCodeMirrorProps) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const latest = useRef(onChange)
  latest.current = onChange
  useImperativeHandle(ref, () => ({ focus: () => view.current?.focus() }), [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: made once; later values arrive through the effects below
  useEffect(() => {
    const v = new EditorView({
      parent: host.current as HTMLDivElement,
      doc: value,
      extensions: [
        minimalSetup,
        lineNumbers(),
        highlightActiveLineGutter(),
        highlight,
        theme,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          'aria-labelledby': labelId,
          'aria-describedby': describedBy,
          'aria-multiline': 'true',
          role: 'textbox',
          spellcheck: 'false',
          autocapitalize: 'off',
          autocorrect: 'off',
        }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) latest.current(u.state.doc.toString())
        }),
      ],
    })
    view.current = v
    const at = handoff?.current
    if (at != null) {
      v.dispatch({ selection: { anchor: Math.min(at, v.state.doc.length) } })
      v.focus()
    }
    return () => {
      v.destroy()
      view.current = null
    }
  }, [])

  // The text changed outside the editor (Format, Reset, "Use this value"): replace the document.
  useEffect(() => {
    const v = view.current
    if (v && v.state.doc.toString() !== value)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } })
  }, [value])

  const offset = error?.offset ?? null
  const message = error?.message ?? ''
  useEffect(() => {
    const v = view.current
    if (v) v.dispatch(setDiagnostics(v.state, diagnostics(v, offset, message)))
  }, [offset, message])

  useEffect(() => {
    const el = view.current?.contentDOM
    if (!el) return
    if (invalid) el.setAttribute('aria-invalid', 'true')
    else el.removeAttribute('aria-invalid')
  }, [invalid])

  return <div ref={host} className="code-editor" />
}
