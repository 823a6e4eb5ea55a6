import { useId } from 'react'
import { RoleReason } from '../../components/RoleReason'
import { plural } from '../../lib/format'
import type { Selection } from '../../lib/use-selection'

/**
 * What can be done with the selected HWMs; shown only while some are selected. Delete is disabled,
 * with the reason, when the user's role here is below maintainer.
 */
export function SelectionBar({
  selection,
  onCopy,
  onDelete,
  deleteDenied,
}: {
  selection: Selection
  onCopy: () => void
  onDelete: () => void
  deleteDenied: string | null
}) {
  const reasonId = useId()
  const count = selection.ids.length
  return (
    <div className="selection-bar-slot" aria-live="polite">
      {count > 0 && (
        <section className="selection-bar" aria-label="Selected HWMs">
          <span className="selection-count">{plural(count, 'HWM')} selected</span>
          <div className="selection-actions">
            <RoleReason id={reasonId} reason={deleteDenied} />
            <button type="button" className="button" onClick={onCopy}>
              Copy to…
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={deleteDenied !== null}
              aria-describedby={deleteDenied ? reasonId : undefined}
              onClick={onDelete}
            >
              Delete…
            </button>
            <button type="button" className="button-ghost" onClick={selection.clear}>
              Clear selection
            </button>
          </div>
        </section>
      )}
    </div>
  )
}
