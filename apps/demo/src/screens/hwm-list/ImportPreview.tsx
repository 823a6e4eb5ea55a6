import type { ImportPlan } from '../../lib/hwm-import'

interface Props {
  plan: ImportPlan
  onClash: 'skip' | 'overwrite'
  setOnClash: (choice: 'skip' | 'overwrite') => void
}

const short = (name: string) => (name.length > 80 ? `${name.slice(0, 79)}…` : name)

/** Which names the import creates, which already exist, and what to do with those. */
export function ImportPreview({ plan, onClash, setOnClash }: Props) {
  return (
    <section className="stack" aria-label="Import preview">
      <p>
        {plan.create.length} new HWM{plan.create.length === 1 ? '' : 's'} will be created; {plan.clash.length} already
        exist{plan.clash.length === 1 ? 's' : ''} in this namespace.
      </p>
      {plan.create.length > 0 && (
        <details>
          <summary>New names ({plan.create.length})</summary>
          <ul aria-label="Names to create">
            {plan.create.map((i) => (
              <li key={i.name}>{short(i.name)}</li>
            ))}
          </ul>
        </details>
      )}
      {plan.clash.length > 0 && (
        <>
          <ul aria-label="Names that already exist">
            {plan.clash.map(({ item }) => (
              <li key={item.name}>{short(item.name)}</li>
            ))}
          </ul>
          <fieldset>
            <legend>When a name already exists</legend>
            <label>
              <input type="radio" name="on-clash" checked={onClash === 'skip'} onChange={() => setOnClash('skip')} />{' '}
              Skip it (keep the HWM as it is)
            </label>
            <label>
              <input
                type="radio"
                name="on-clash"
                checked={onClash === 'overwrite'}
                onChange={() => setOnClash('overwrite')}
              />{' '}
              Overwrite it (update its type, value, description, entity and expression)
            </label>
          </fieldset>
        </>
      )}
    </section>
  )
}
