import type { HWMHistoryResponseV1 } from '@horizon-ts/core'
import { type DiffLine, diffValues, fieldChanges } from '../../lib/history-diff'

const GUTTER = { added: '+', removed: '−', same: ' ' } as const

/** The value's lines, each marked by a gutter sign and hidden words too ("added", "removed"), never by colour alone. */
function DiffLines({ lines }: { lines: DiffLine[] }) {
  return (
    <pre className="diff code-small">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
        <span key={i} className={`diff-line diff-${line.kind}`}>
          <span className="diff-gutter" aria-hidden="true">
            {GUTTER[line.kind]}
          </span>
          {line.kind !== 'same' && <span className="visually-hidden">{line.kind}: </span>}
          <span className="diff-text">{line.text || ' '}</span>
          {'\n'}
        </span>
      ))}
    </pre>
  )
}

/** What changed from `before` to `after`: the other fields that differ, then the value's line diff. */
export function HistoryDiff({ before, after }: { before: HWMHistoryResponseV1; after: HWMHistoryResponseV1 }) {
  const lines = diffValues(before, after)
  const fields = fieldChanges(before, after)
  const valueChanged = lines.some((l) => l.kind !== 'same')
  return (
    <div className="diff-block stack-tight">
      {fields.length > 0 && (
        <dl className="diff-fields">
          {fields.map((f) => (
            <div key={f.field}>
              <dt>{f.field}</dt>
              <dd>
                <del>
                  <span className="visually-hidden">removed: </span>
                  {f.before || '(none)'}
                </del>{' '}
                →{' '}
                <ins>
                  <span className="visually-hidden">added: </span>
                  {f.after || '(none)'}
                </ins>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {valueChanged ? <DiffLines lines={lines} /> : <p className="muted">The value is the same.</p>}
    </div>
  )
}
