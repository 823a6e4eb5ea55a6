/**
 * Search by part of a name, filter by type and sort, over rows already fetched: Horizon filters
 * by the exact name only, so the app scans a namespace's pages and narrows them here.
 */

/** What a scanned list can be sorted by. `changed` is the last change, newest first. */
export type SortKey = 'name' | 'type' | 'changed'

export const SORT_LABELS: Record<SortKey, string> = {
  name: 'Name (A–Z)',
  type: 'Type, then name',
  changed: 'Last change (newest first)',
}

/** The fields the helpers read; HWMs and namespaces both have them (namespaces no `type`). */
export interface Searchable {
  name: string
  type?: string
  changed_at: string
}

/**
 * True when `part` occurs in `name`, case-insensitively (locale-independent lower case). An empty
 * `part` matches every name.
 * @example `matchesPart('Orders_2024', 'ders_') // true`
 */
export function matchesPart(name: string, part: string): boolean {
  return name.toLowerCase().includes(part.trim().toLowerCase())
}

/**
 * The rows whose name holds `part` and, when `type` is given, of that type.
 * @example `filterRows(hwms, { part: 'ord', type: 'column_int' })`
 */
export function filterRows<T extends Searchable>(rows: readonly T[], { part, type }: { part: string; type?: string }) {
  return rows.filter((r) => matchesPart(r.name, part) && (!type || r.type === type))
}

// A plain code-unit comparison: the same order as Horizon's (by name), whatever the browser's locale.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * A sorted copy: by name; by type then name; or by last change, newest first (then name).
 * @example `sortRows(hwms, 'changed')[0] // the HWM changed last`
 */
export function sortRows<T extends Searchable>(rows: readonly T[], key: SortKey): T[] {
  const byName = (a: T, b: T) => compare(a.name, b.name)
  const order: Record<SortKey, (a: T, b: T) => number> = {
    name: byName,
    type: (a, b) => compare(a.type ?? '', b.type ?? '') || byName(a, b),
    changed: (a, b) => Date.parse(b.changed_at) - Date.parse(a.changed_at) || byName(a, b),
  }
  return [...rows].sort(order[key])
}

/**
 * The distinct types among the rows, sorted: the choices of the type filter.
 * @example `typesIn([{ type: 'b' }, { type: 'a' }, { type: 'b' }]) // ['a', 'b']`
 */
export function typesIn(rows: readonly Searchable[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.type ? [r.type] : [])))].sort(compare)
}
