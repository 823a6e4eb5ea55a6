import type { CallOptions } from '../transport/types.js'
import type { PageResponseV1 } from './types.js'

/** Options of the `iterate…` helpers. */
export interface IterateOptions extends CallOptions {
  /** stop after this many pages */
  maxPages?: number
  /** after the first page, fetch up to this many pages at once, still yielding in order (default 1) */
  concurrency?: number
}

/**
 * Yields every item of every page. The first page tells how many there are; the rest are
 * fetched `concurrency` at a time, in a sliding window, and yielded in page order.
 */
export async function* iteratePages<T, Q extends { page?: number; page_size?: number }>(
  fetchPage: (query: Q, options: CallOptions) => Promise<PageResponseV1<T>>,
  query: Q,
  options: IterateOptions = {},
): AsyncGenerator<T, void, undefined> {
  const { maxPages = Number.POSITIVE_INFINITY, concurrency = 1, ...call } = options
  const start = query.page ?? 1
  const first = await fetchPage({ ...query, page: start }, call)
  yield* first.items
  const last = Math.min(first.meta.pages_count, start + maxPages - 1)
  const window: Array<Promise<PageResponseV1<T>>> = []
  let next = start + 1
  const fill = () => {
    while (next <= last && window.length < Math.max(1, concurrency))
      window.push(fetchPage({ ...query, page: next++ }, call))
  }
  fill()
  while (window.length) {
    const page = await window.shift()!
    fill()
    yield* page.items
    if (!page.meta.has_next) break
  }
}
