import { useId, useState } from 'react'

interface Props {
  label: string
  value: string
  onSearch: (value: string) => void
}

/**
 * Find by name. Horizon filters by the exact name (no substring search), so the label says so and
 * the search runs on submit rather than on every keystroke.
 */
export function SearchForm({ label, value, onSearch }: Props) {
  const [draft, setDraft] = useState(value)
  const [shown, setShown] = useState(value)
  const id = useId()
  // The URL changed (back button, "Clear"): show its value.
  if (shown !== value) {
    setShown(value)
    setDraft(value)
  }
  return (
    <search className="search-form">
      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault()
          onSearch(draft)
        }}
      >
        <label htmlFor={id}>{label}</label>
        <div className="input-row">
          <input id={id} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} spellCheck={false} />
          <button type="submit" className="button">
            Find
          </button>
          {value && (
            <button type="button" className="button-ghost" onClick={() => onSearch('')}>
              Clear
            </button>
          )}
        </div>
      </form>
    </search>
  )
}
