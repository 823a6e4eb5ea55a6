import { cloneElement, type ReactElement, useId } from 'react'

interface Props {
  label: string
  hint?: string
  error?: string
  /** the control: an <input>, <select> or <textarea>; it gets the id, aria-describedby and aria-invalid */
  children: ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }>
  optional?: boolean
}

/** A real <label> tied to its control, with a hint and an error that screen readers read with it. */
export function Field({ label, hint, error, children, optional }: Props) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> (optional)</span>}
      </label>
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  )
}
