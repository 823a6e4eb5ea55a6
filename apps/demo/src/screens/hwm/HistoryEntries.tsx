import type { HWMHistoryResponseV1, HWMResponseV1, JsonValue as Json } from '@horizon-ts/core'
import { Disclosure } from '../../components/Disclosure'
import { JsonValue } from '../../components/JsonValue'
import { Timeline, TimelineItem } from '../../components/Timeline'
import { sameJson } from '../../lib/json'
import { HistoryCompare } from './HistoryCompare'
import { HistoryDiff } from './HistoryDiff'

interface Props {
  rows: HWMHistoryResponseV1[]
  current: HWMResponseV1
  onRestore: (value: Json) => void
  /** the oldest row shown is the first ever (nothing older to compare with) */
  complete: boolean
}

const FIELDS = ['name', 'type', 'description', 'entity', 'expression'] as const

/** The fields a row changed, compared with the row before it in time (the next one in the list). */
function changedFields(row: HWMHistoryResponseV1, older: HWMHistoryResponseV1 | undefined): string[] {
  if (!older) return []
  const fields: string[] = FIELDS.filter((f) => (row[f] ?? null) !== (older[f] ?? null))
  if (!sameJson(row.value, older.value)) fields.unshift('value')
  return fields
}

/**
 * Each change with the value it left, what it changed (a diff against the version before, on
 * demand), and "Use this value" to restore an older value; above them, a comparison of any two.
 */
export function HistoryEntries({ rows, current, onRestore, complete }: Props) {
  return (
    <>
      <HistoryCompare rows={rows} />
      <Timeline label="HWM history">
        {rows.map((row, i) => {
          const older = rows[i + 1]
          const changed = changedFields(row, older)
          const isCurrent = sameJson(row.value, current.value)
          return (
            <TimelineItem key={row.id} action={row.action} at={row.changed_at} by={row.changed_by}>
              <JsonValue value={row.value} small />
              {older && changed.length > 0 && (
                <Disclosure summary="Show the change" className="history-change">
                  {() => <HistoryDiff before={older} after={row} />}
                </Disclosure>
              )}
              <div className="timeline-foot">
                {changed.length > 0 ? (
                  <span className="muted">Changed: {changed.join(', ')}</span>
                ) : (
                  !older && !complete && <span className="muted">Load older changes to compare</span>
                )}
                {!isCurrent && row.action !== 'Deleted' && (
                  <button type="button" className="button-ghost button-small" onClick={() => onRestore(row.value)}>
                    Use this value
                  </button>
                )}
              </div>
            </TimelineItem>
          )
        })}
      </Timeline>
    </>
  )
}
