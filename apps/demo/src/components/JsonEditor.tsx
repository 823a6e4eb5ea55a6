import { type Ref, useId } from 'react'
import { describeJson, formatJson, parseJson } from '../lib/json'

interface Props {
  label: string
  value: string
  onChange: (text: string) => void
  /** show the parse error (after a submit attempt) rather than only the live status */
  showError?: boolean
  rows?: number
  ref?: Ref<HTMLTextAreaElement>
}

/**
 * A textarea for any JSON value. It says live whether the text parses and what it is ("an integer",
 * "a list of 3 items"), so a typo is caught before anything is sent; "Format" pretty-prints it.
 */
export function JsonEditor({ label, value, onChange, showError, rows = 6, ref }: Props) {
  const id = useId()
  const parsed = parseJson(value)
  const invalid = !parsed.ok && showError
  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
        <button
          type="button"
          className="button-ghost button-small"
          disabled={!parsed.ok}
          onClick={() => parsed.ok && onChange(formatJson(parsed.value))}
        >
          Format
        </button>
      </div>
      <textarea
        ref={ref}
        id={id}
        className="code-input"
        value={value}
        rows={rows}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        aria-describedby={`${id}-status`}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-status`} className={parsed.ok ? 'field-hint' : invalid ? 'field-error' : 'field-hint field-warn'}>
        {parsed.ok ? `Valid JSON: ${describeJson(parsed.value)}.` : parsed.message}
      </p>
    </div>
  )
}
