import type { HWMHistoryResponseV1 } from '@horizon-ts/core'
import { plural } from '../../lib/format'
import { type DiffFold, type DiffLine, diffValues, fieldChanges, foldUnchanged } from '../../lib/history-diff'

const GUTTER = { added: '+', removed: '−', same: ' ' } as const

/** The value's lines, each marked by a gutter sign and hidden words too ("added", "removed"), never by colour alone. */
function DiffLines({ lines }: { lines: (DiffLine | DiffFold)[] }) {
  return (
    <pre className="diff code-small">
      {lines.map((line, i) =>
        line.kind === 'fold' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
          <span key={i} className="diff-line diff-fold">
            <span className="diff-gutter" aria-hidden="true">
              ⋯
            </span>
            <span className="diff-text">{plural(line.count, 'unchanged line')}</span>
            {'\n'}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
          <span key={i} className={`diff-line diff-${line.kind}`}>
            <span className="diff-gutter" aria-hidden="true">
              {GUTTER[line.kind]}
            </span>
            {line.kind !== 'same' && <span className="visually-hidden">{line.kind}: </span>}
            <span className="diff-text">{line.text || ' '}</span>
            {'\n'}
          </span>
        ),
      )}
    </pre>
  )
}

/** What changed from `before` to `after`: the other fields that differ, then the value's line diff. */
export function HistoryDiff({ before, after }: { before: HWMHistoryResponseV1; after: HWMHistoryResponseV1 }) {
  const lines = diffValues(before, after)
  const fields = fieldChanges(before, after)
  const valueChanged = lines?.some((l) => l.kind !== 'same') ?? true
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
      {!lines ? (
        <p className="muted">The values are too large to compare here.</p>
      ) : valueChanged ? (
        <DiffLines lines={foldUnchanged(lines)} />
      ) : (
        <p className="muted">The value is the same.</p>
      )}
    </div>
  )
}
