import type { HWMHistoryResponseV1 } from '@horizon-ts/core'
import { useId, useState } from 'react'
import { Disclosure } from '../../components/Disclosure'
import { HistoryDiff } from './HistoryDiff'

/** A version as words for a picker: its action and when (UTC, to the second), and its row id. */
const versionLabel = (row: HWMHistoryResponseV1) =>
  `${row.action} · ${row.changed_at.slice(0, 19).replace('T', ' ')} · #${row.id}`

/**
 * Any two of the loaded versions side by side as a diff: the one before the newest and the newest
 * to start with, so the first thing shown is the last change.
 */
export function HistoryCompare({ rows }: { rows: HWMHistoryResponseV1[] }) {
  const [from, setFrom] = useState<number | null>(null)
  const [to, setTo] = useState<number | null>(null)
  const id = useId()
  if (rows.length < 2) return null
  const byId = (want: number | null, fallback: HWMHistoryResponseV1) => rows.find((r) => r.id === want) ?? fallback
  const before = byId(from, rows[1]!)
  const after = byId(to, rows[0]!)
  const picker = (label: string, value: HWMHistoryResponseV1, set: (id: number) => void) => (
    <div className="field">
      <label htmlFor={`${id}-${label}`}>{label}</label>
      <select id={`${id}-${label}`} value={value.id} onChange={(e) => set(Number(e.target.value))}>
        {rows.map((r) => (
          <option key={r.id} value={r.id}>
            {versionLabel(r)}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <Disclosure summary="Compare two versions" className="history-compare">
      {() => (
        <div className="stack-tight">
          <div className="compare-pickers">
            {picker('Older version', before, setFrom)}
            {picker('Newer version', after, setTo)}
          </div>
          <section aria-label="Comparison">
            <HistoryDiff before={before} after={after} />
          </section>
        </div>
      )}
    </Disclosure>
  )
}
