import type { ImportOutcome, ImportResult } from '../../lib/hwm-import'

interface Props {
  results: ImportResult[]
  total: number
  status: 'running' | 'cancelling' | 'done' | 'cancelled'
}

const LABELS: Record<ImportOutcome, string> = {
  created: 'Created',
  updated: 'Updated',
  skipped: 'Skipped',
  failed: 'Failed',
}

/** Progress, then what happened to each item. */
export function ImportResults({ results, total, status }: Props) {
  const count = (o: ImportOutcome) => results.filter((r) => r.outcome === o).length
  const summary = (Object.keys(LABELS) as ImportOutcome[])
    .map((o) => `${count(o)} ${LABELS[o].toLowerCase()}`)
    .join(', ')
  return (
    <section className="stack" aria-label="Import results">
      <p role="status">
        {status === 'running' && `Importing: ${results.length} of ${total}`}
        {status === 'cancelling' && `Cancelling after the item in flight: ${results.length} of ${total}`}
        {status === 'cancelled' && `Import cancelled after ${results.length} of ${total}: ${summary}`}
        {status === 'done' && `Import finished: ${summary}`}
      </p>
      <ul aria-label="Results per item" className="import-results">
        {results.map((r) => (
          <li key={r.name}>
            <span className={`badge ${r.outcome === 'failed' ? 'badge-failed' : ''}`}>{LABELS[r.outcome]}</span>{' '}
            {r.name.length > 80 ? `${r.name.slice(0, 79)}…` : r.name}
            {r.message && <span className="muted"> — {r.message}</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}
