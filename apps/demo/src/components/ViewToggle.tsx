import { useId } from 'react'

export type ListView = 'pages' | 'scroll'
export const LIST_VIEWS: readonly ListView[] = ['pages', 'scroll']

/** Pages (one page at a time) or a continuous list that loads more as you scroll: two radio buttons. */
export function ViewToggle({ value, onChange }: { value: ListView; onChange: (v: ListView) => void }) {
  const name = useId()
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">View</legend>
      {LIST_VIEWS.map((view) => (
        <label key={view} className={value === view ? 'segmented-on' : undefined}>
          <input type="radio" name={name} value={view} checked={value === view} onChange={() => onChange(view)} />
          {view === 'pages' ? 'Pages' : 'Continuous'}
        </label>
      ))}
    </fieldset>
  )
}
