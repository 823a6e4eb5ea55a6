import { plural } from '../../lib/format'
import type { Selection } from '../../lib/use-selection'

/** What can be done with the selected HWMs; shown only while some are selected. */
export function SelectionBar({
  selection,
  onCopy,
  onDelete,
}: {
  selection: Selection
  onCopy: () => void
  onDelete: () => void
}) {
  const count = selection.ids.length
  return (
    <div className="selection-bar-slot" aria-live="polite">
      {count > 0 && (
        <section className="selection-bar" aria-label="Selected HWMs">
          <span className="selection-count">{plural(count, 'HWM')} selected</span>
          <div className="selection-actions">
            <button type="button" className="button" onClick={onCopy}>
              Copy to…
            </button>
            <button type="button" className="button button-danger" onClick={onDelete}>
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
