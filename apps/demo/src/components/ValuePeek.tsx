import type { JsonValue } from '@horizon-ts/core/json'
import { useState } from 'react'
import { previewJson } from '../lib/json'

/** Characters shown when a table's value is expanded: a 1 MB value stays a link away, not a page. */
const EXPANDED = 2000

/**
 * A value in a table: one truncated line, and a disclosure that shows more of it in place. The
 * longer text is rendered only while open, so a closed row holds the short preview alone.
 */
export function ValuePeek({ value }: { value: JsonValue }) {
  const [open, setOpen] = useState(false)
  return (
    <details className="value-peek" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <code>{previewJson(value)}</code>
      </summary>
      {open && <pre className="value-peek-full">{previewJson(value, EXPANDED)}</pre>}
    </details>
  )
}
