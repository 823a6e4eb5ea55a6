/**
 * An HWM's history as series to chart, and what an operator asks of them: is the job still
 * advancing (stalls: the value did not change across consecutive writes) and did it go back
 * (jumps backwards: the value decreased). Pure, so it is tested and reasoned about apart from the
 * chart.
 *
 * Comparisons (stall, backwards) use the exact values: integers as `bigint`, so 2^64 + 1 after
 * 2^64 is a step forward even though both plot at the same height. `bigint` becomes `number` only
 * for plotting (`plotNumber`), where the last digits of a 19-digit offset do not move a pixel.
 */
import type { HWMHistoryResponseV1, JsonValue } from '@horizon-ts/core'

/** What the series measure: plain numbers, or instants (plotted as seconds since the epoch). */
export type SeriesKind = 'number' | 'time'

/** One plottable reading of a value: `exact` for comparing, `plot` for drawing, `text` for showing. */
interface Reading {
  exact: bigint | number
  plot: number
  /** the value as written (every digit of a bigint), for the chart's legend */
  text: string
}

/** A run of equal values over consecutive writes: rows `from`..`to` (1-based, oldest first). */
export interface Stall {
  from: number
  to: number
}

/** A value smaller than the one before it, at row `row` (1-based, oldest first), written at `at`. */
export interface Jump {
  row: number
  at: string
}

export interface Series {
  /** the key of a `key_value_int` object, or "value" */
  label: string
  /** one per point; `null` where this row has no such key */
  values: (number | null)[]
  /** the exact value of each point, as text: what the legend shows instead of the rounded `values` */
  texts: (string | null)[]
  stalls: Stall[]
  jumps: Jump[]
}

export interface HistorySeries {
  kind: SeriesKind
  /** x of each point: `changed_at` in seconds since the epoch (uPlot's time scale) */
  times: number[]
  /** the `changed_at` of each point, as Horizon wrote it */
  at: string[]
  series: Series[]
  /** keys left out because there were more than `MAX_SERIES` */
  omittedKeys: number
}

/** More lines than this are unreadable on one chart: the first keys (by name) are drawn, and the rest said. */
export const MAX_SERIES = 8

const DECIMAL = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/
// A date (2026-01-31) or a timestamp (2026-01-31T10:00:00, with fraction and zone or not).
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

const isInteger = (x: number | bigint): boolean => typeof x === 'bigint' || Number.isInteger(x)

/**
 * A number to draw for an exact value. A `bigint` beyond 2^53 loses its last digits here, on
 * purpose and only here: a chart cannot show them, the comparisons and the summary never use this.
 */
export const plotNumber = (x: bigint | number): number => Number(x)

/** A scalar value as a reading: an integer (bigint too), a decimal (number or numeric string), an ISO date. */
function readScalar(value: JsonValue, kind: SeriesKind): Reading | null {
  if (kind === 'number') {
    if (typeof value === 'bigint' || typeof value === 'number')
      return { exact: value, plot: plotNumber(value), text: String(value) }
    if (typeof value === 'string' && DECIMAL.test(value)) {
      const n = Number(value)
      return Number.isFinite(n) ? { exact: n, plot: n, text: value } : null
    }
    return null
  }
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null
  // A date alone is midnight UTC (Date.parse's rule for date-only strings); a timestamp without a zone, local.
  const ms = Date.parse(value.replace(' ', 'T'))
  return Number.isNaN(ms) ? null : { exact: ms, plot: ms / 1000, text: value }
}

/** Which kind a history's values are, judged by the first value that is one of them. */
function kindOf(values: JsonValue[]): SeriesKind | 'keys' | null {
  for (const v of values) {
    if (v === null) continue
    if (typeof v === 'bigint' || typeof v === 'number') return 'number'
    if (typeof v === 'string') return ISO_DATE.test(v) ? 'time' : DECIMAL.test(v) ? 'number' : null
    if (typeof v === 'object' && !Array.isArray(v)) return 'keys'
    return null
  }
  return null
}

/** -1, 0 or 1, exactly: integers compared as bigint, anything else as numbers. */
export function compareExact(a: bigint | number, b: bigint | number): number {
  if (isInteger(a) && isInteger(b)) {
    const x = BigInt(a)
    const y = BigInt(b)
    return x < y ? -1 : x > y ? 1 : 0
  }
  const x = Number(a)
  const y = Number(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * Stalls and jumps of one series of readings (oldest first, `null` where missing). A stall is two
 * or more consecutive rows with the same value; a missing reading ends a run.
 */
export function findStallsAndJumps(readings: (Reading | null)[], at: string[]): { stalls: Stall[]; jumps: Jump[] } {
  const stalls: Stall[] = []
  const jumps: Jump[] = []
  let runStart = 0
  for (let i = 1; i <= readings.length; i++) {
    const prev = readings[i - 1]
    const cur = i < readings.length ? readings[i] : undefined
    const order = prev && cur ? compareExact(cur.exact, prev.exact) : null
    if (order === -1) jumps.push({ row: i + 1, at: at[i] ?? '' })
    if (order !== 0) {
      if (i - 1 > runStart) stalls.push({ from: runStart + 1, to: i })
      runStart = i
    }
  }
  return { stalls, jumps }
}

/**
 * The history (in Horizon's order, newest first, or any order: it is sorted by `changed_at`) as
 * series, or `null` when its values are nothing to chart (text, lists, booleans). "Deleted" rows
 * repeat the last value and are left out, so they never look like a stall.
 */
export function historySeries(rows: readonly HWMHistoryResponseV1[]): HistorySeries | null {
  const kept = rows.filter((r) => r.action !== 'Deleted').sort((a, b) => a.changed_at.localeCompare(b.changed_at))
  const values = kept.map((r) => r.value)
  const found = kindOf(values)
  if (!found) return null
  const at = kept.map((r) => r.changed_at)
  const times = at.map((iso) => Date.parse(iso) / 1000)
  const build = (label: string, readings: (Reading | null)[]): Series => ({
    label,
    values: readings.map((r) => r?.plot ?? null),
    texts: readings.map((r) => r?.text ?? null),
    ...findStallsAndJumps(readings, at),
  })
  if (found !== 'keys') {
    const series = build(
      'value',
      values.map((v) => readScalar(v, found)),
    )
    return { kind: found, times, at, series: [series], omittedKeys: 0 }
  }
  const objects = values.map((v) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, JsonValue>) : {},
  )
  const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))]
    .filter((k) => objects.some((o) => readScalar(o[k] ?? null, 'number')))
    .sort()
  if (!keys.length) return null
  const series = keys.slice(0, MAX_SERIES).map((k) =>
    build(
      k,
      objects.map((o) => (k in o ? readScalar(o[k] ?? null, 'number') : null)),
    ),
  )
  return { kind: 'number', times, at, series, omittedKeys: keys.length - series.length }
}

const rows = (s: Stall) => (s.from === s.to ? `row ${s.from}` : `rows ${s.from}–${s.to}`)
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/**
 * The chart in words, for everyone and for assistive tech: points, then each series' stalls and
 * jumps. E.g. "100 points · 1 stall (rows 40–45) · 1 jump backwards at 2026-12-03T08:00:00Z".
 */
export function describeSeries(h: HistorySeries): string[] {
  const lines = [count(h.times.length, 'point')]
  for (const s of h.series) {
    const prefix = h.series.length > 1 ? `${s.label}: ` : ''
    const parts = [
      s.stalls.length ? `${count(s.stalls.length, 'stall')} (${s.stalls.map(rows).join(', ')})` : 'no stall',
      s.jumps.length
        ? `${count(s.jumps.length, 'jump')} backwards at ${s.jumps.map((j) => `${j.at} (row ${j.row})`).join(', ')}`
        : 'no jump backwards',
    ]
    lines.push(prefix + parts.join(' · '))
  }
  if (h.omittedKeys) lines.push(`${count(h.omittedKeys, 'more key')} not drawn (at most ${MAX_SERIES} series)`)
  return lines
}
