import { type ReactNode, useId, useState } from 'react'
import { plural } from '../lib/format'
import { filterRows, type Searchable, SORT_LABELS, type SortKey, sortRows, typesIn } from '../lib/name-search'
import type { ScanBatch } from '../lib/scan-pages'
import { useScan } from '../lib/use-scan'
import { ErrorNotice } from './ErrorNotice'

interface Props<T extends Searchable> {
  /** "HWM", "namespace" */
  noun: string
  /** the walk over every page (`scanHwms`, `scanNamespaces`) */
  scan: (signal: AbortSignal) => AsyncIterable<ScanBatch<T>>
  /** offer the type filter (HWMs have a type, namespaces none) */
  withType?: boolean
  /** shown instead of the paged list while a search is open */
  children: (rows: T[]) => ReactNode
  /** the paged list, shown while no search is open */
  fallback: ReactNode
}

/** Matches drawn at most; more would make a slow table, and narrowing the search helps more. */
const SHOWN = 500
const count = (n: number) => n.toLocaleString('en-US')

/**
 * Search by part of a name: Horizon matches exact names only, so this scans every page of the
 * list (progress and Cancel), then filters, narrows by type and sorts the scanned rows here.
 */
export function PartSearch<T extends Searchable>({ noun, scan, withType, children, fallback }: Props<T>) {
  const { state, start, cancel, reset } = useScan<T>()
  const [part, setPart] = useState('')
  const [type, setType] = useState('')
  const [sort, setSort] = useState<SortKey>('name')
  const id = useId()
  const open = state.status !== 'idle'
  const matches = sortRows(filterRows(state.rows, { part, type: type || undefined }), sort)
  const types = typesIn(state.rows)
  const progress =
    state.total === null ? `Scanning ${noun}s…` : `Scanned ${count(state.scanned)} of ${count(state.total)} ${noun}s`
  return (
    <>
      <search className="part-search" aria-label={`Search ${noun}s by part of the name`}>
        <form
          className="toolbar toolbar-start"
          onSubmit={(e) => {
            e.preventDefault()
            void start(scan)
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-part`}>Name contains</label>
            <div className="input-row">
              <input
                id={`${id}-part`}
                type="search"
                value={part}
                onChange={(e) => setPart(e.target.value)}
                spellCheck={false}
              />
              <button type="submit" className="button" disabled={state.status === 'running'}>
                {open ? 'Scan again' : 'Search all pages'}
              </button>
              {state.status === 'running' && (
                <button type="button" className="button" onClick={cancel}>
                  Cancel
                </button>
              )}
              {open && state.status !== 'running' && (
                <button type="button" className="button-ghost" onClick={reset}>
                  Close search
                </button>
              )}
            </div>
          </div>
          {open && withType && (
            <div className="field">
              <label htmlFor={`${id}-type`}>Type</label>
              <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)}>
                <option value="">All types</option>
                {types.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </div>
          )}
          {open && (
            <div className="field">
              <label htmlFor={`${id}-sort`}>Sort by</label>
              <select id={`${id}-sort`} value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
                {Object.entries(SORT_LABELS).map(([key, label]) =>
                  key === 'type' && !withType ? null : (
                    <option key={key} value={key}>
                      {label}
                    </option>
                  ),
                )}
              </select>
            </div>
          )}
        </form>
      </search>
      {!open && fallback}
      {open && (
        <div className="stack">
          <p role="status" className="muted" aria-label="Search progress">
            {progress}
            {state.status === 'cancelled' && ' — cancelled, the matches below are from the pages scanned so far'}
            {state.status === 'done' && ' — all pages scanned'}
            {' · '}
            {plural(matches.length, 'match', 'matches')}
            {'. Filtered and sorted in the browser over the scanned rows.'}
          </p>
          {state.status === 'failed' && (
            <ErrorNotice error={state.error} context="The scan stopped" onRetry={() => void start(scan)} />
          )}
          {matches.length > 0 && children(matches.slice(0, SHOWN))}
          {matches.length > SHOWN && (
            <p className="muted">
              Showing the first {SHOWN} of {count(matches.length)} matches: type more of the name to narrow them.
            </p>
          )}
        </div>
      )}
    </>
  )
}
