/** One page of a sorted list, with Horizon's `meta` (pages_count is at least 1, even when empty). */
import type { PageResponseV1 } from '@horizon-ts/core'

export interface PageQuery {
  page: number
  page_size: number
}

export function paginate<T, R>(
  sorted: readonly T[],
  { page, page_size }: PageQuery,
  map: (item: T) => R,
): PageResponseV1<R> {
  // A page number beyond 2^53 is a `bigint` (lax validation keeps its digits): no rows there, and
  // its neighbours are counted exactly.
  const start = (Number(page) - 1) * page_size
  const items = sorted.slice(start, start + page_size).map(map)
  const total = sorted.length
  const hasNext = start + items.length < total
  const hasPrevious = page > 1
  const step = (by: number) => (typeof page === 'bigint' ? page + BigInt(by) : page + by) as number
  return {
    meta: {
      page,
      page_size,
      total_count: total,
      pages_count: Math.ceil(total / page_size) || 1,
      has_next: hasNext,
      has_previous: hasPrevious,
      next_page: hasNext ? step(1) : null,
      previous_page: hasPrevious ? step(-1) : null,
    },
    items,
  }
}

/** Code-point order by name, then id: deterministic, like a `C` collation. */
export const byName = <T extends { name: string; id: number }>(a: T, b: T) =>
  a.name === b.name ? a.id - b.id : codePointOrder(a.name, b.name)

/** UTF-16 code units reordered so that surrogates (U+D800–DFFF) sort above U+E000–FFFF. */
const unit = (c: number) => (c >= 0xd800 ? (c >= 0xe000 ? c - 0x800 : c + 0x2000) : c)

/**
 * `a` against `b` by code point, as PostgreSQL's `C` collation orders UTF-8 bytes. JavaScript's `<`
 * compares UTF-16 code units, which puts an emoji (a surrogate pair) before U+FF01.
 */
export function codePointOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return unit(x) - unit(y)
  }
  return a.length - b.length
}

/**
 * Newest first: `changed_at` descending, as Horizon's only ORDER BY (`changed_at.desc()`). Rows of one
 * instant (a "Deleted" or "Copied" row keeps the HWM's last `changed_at`) come in PostgreSQL's scan
 * order, which its sort keeps for a page's few rows: insertion order, so id ascending.
 */
export const newestFirst = <T extends { changedAt: number; id: number }>(a: T, b: T) =>
  b.changedAt - a.changedAt || a.id - b.id
