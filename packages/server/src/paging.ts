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
  const start = (page - 1) * page_size
  const items = sorted.slice(start, start + page_size).map(map)
  const total = sorted.length
  const hasNext = start + items.length < total
  const hasPrevious = page > 1
  return {
    meta: {
      page,
      page_size,
      total_count: total,
      pages_count: Math.ceil(total / page_size) || 1,
      has_next: hasNext,
      has_previous: hasPrevious,
      next_page: hasNext ? page + 1 : null,
      previous_page: hasPrevious ? page - 1 : null,
    },
    items,
  }
}

/** Code-point order by name, then id: deterministic, like a `C` collation. */
export const byName = <T extends { name: string; id: number }>(a: T, b: T) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id

/** Newest first: `changed_at` descending, then id descending for rows written in the same instant. */
export const newestFirst = <T extends { changedAt: number; id: number }>(a: T, b: T) =>
  b.changedAt - a.changedAt || b.id - a.id
