import { lazy, type Ref, Suspense, useId, useRef } from 'react'
import { describeJson, formatJson, parseJson } from '../lib/json'
import type { JsonEditorHandle } from './json-editor-handle'

// CodeMirror is heavy: its own chunk, fetched when an editor first shows; the textarea stands in meanwhile.
const JsonCodeMirror = lazy(() => import('./JsonCodeMirror'))

interface Props {
  label: string
  value: string
  onChange: (text: string) => void
  /** show the parse error (after a submit attempt) rather than only the live status */
  showError?: boolean
  rows?: number
  ref?: Ref<JsonEditorHandle>
}

/**
 * An editor for any JSON value (CodeMirror: highlighting, line numbers, the parse error marked where it
 * is). It says live whether the text parses and what it is ("an integer", "a list of 3 items"), and
 * where it breaks (line:column), so a typo is caught before anything is sent; "Format" pretty-prints it.
 */
export function JsonEditor({ label, value, onChange, showError, rows = 6, ref }: Props) {
  const id = useId()
  const labelId = `${id}-label`
  const statusId = `${id}-status`
  const parsed = parseJson(value)
  const invalid = !parsed.ok && !!showError
  // Where the caret was in the stand-in textarea while it had focus: CodeMirror takes over there.
  const handoff = useRef<number | null>(null)
  const fallback = (
    <textarea
      ref={ref as unknown as Ref<HTMLTextAreaElement>}
      id={id}
      className="code-input"
      value={value}
      rows={rows}
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      aria-describedby={statusId}
      aria-invalid={invalid ? true : undefined}
      onChange={(e) => onChange(e.target.value)}
      onSelect={(e) => {
        handoff.current = e.currentTarget.selectionStart
      }}
      onBlur={(e) => {
        // Removed when CodeMirror arrives: that blur is the hand-off, not the user leaving.
        if (e.currentTarget.isConnected) handoff.current = null
      }}
    />
  )
  return (
    <div className="field">
      <div className="field-label-row">
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: a label takes no keyboard focus; keyboard users reach the editor by Tab */}
        <label
          id={labelId}
          htmlFor={id}
          onClick={(e) => {
            // A <label> focuses only form controls; CodeMirror's contenteditable is named by aria-labelledby instead.
            const editable = document.querySelector<HTMLElement>(`[aria-labelledby="${labelId}"]`)
            if (!editable) return
            e.preventDefault()
            editable.focus()
          }}
        >
          {label}
        </label>
        <button
          type="button"
          className="button-ghost button-small"
          disabled={!parsed.ok}
          onClick={() => parsed.ok && onChange(formatJson(parsed.value))}
        >
          Format
        </button>
      </div>
      <Suspense fallback={fallback}>
        <JsonCodeMirror
          ref={ref}
          value={value}
          onChange={onChange}
          labelId={labelId}
          describedBy={statusId}
          handoff={handoff}
          invalid={invalid}
          error={!parsed.ok && parsed.at ? { offset: parsed.at.offset, message: parsed.message } : null}
        />
      </Suspense>
      <p id={statusId} className={parsed.ok ? 'field-hint' : invalid ? 'field-error' : 'field-hint field-warn'}>
        {parsed.ok ? `Valid JSON: ${describeJson(parsed.value)}.` : parsed.message}
      </p>
    </div>
  )
}
