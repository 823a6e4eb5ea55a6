import { follow } from '../transport/signals.js'
import type { CallOptions } from '../transport/types.js'
import type { PageResponseV1 } from './types.js'

/** Options of the `iterate…` helpers. */
export interface IterateOptions extends CallOptions {
  /** stop after this many pages */
  maxPages?: number
  /** after the first page, fetch up to this many pages at once, still yielding in order (default 1) */
  concurrency?: number
}

const ignore = () => {}

/**
 * Yields every item of every page. The first page tells how many there are; the rest are
 * fetched `concurrency` at a time, in a sliding window, and yielded in page order. A failing
 * page surfaces when the loop reaches it; leaving the loop (`break`, `return`, an exception)
 * aborts the pages still in flight, and no page is ever left without a handler.
 */
export async function* iteratePages<T, Q extends { page?: number; page_size?: number }>(
  fetchPage: (query: Q, options: CallOptions) => Promise<PageResponseV1<T>>,
  query: Q,
  options: IterateOptions = {},
): AsyncGenerator<T, void, undefined> {
  const { maxPages = Number.POSITIVE_INFINITY, concurrency = 1, signal, ...rest } = options
  // One controller for the walk: it follows the caller's signal and is aborted when the loop ends.
  const { controller, unlink } = signal ? follow(signal) : { controller: new AbortController(), unlink: ignore }
  const call: CallOptions = { ...rest, signal: controller.signal }
  const window: Array<Promise<PageResponseV1<T>>> = []
  try {
    const start = query.page ?? 1
    const first = await fetchPage({ ...query, page: start }, call)
    yield* first.items
    const last = Math.min(first.meta.pages_count, start + maxPages - 1)
    let next = start + 1
    const fill = () => {
      while (next <= last && window.length < Math.max(1, concurrency)) {
        const page = fetchPage({ ...query, page: next++ }, call)
        // Handled at once: a page may fail before the loop reaches it, or never be reached.
        page.catch(ignore)
        window.push(page)
      }
    }
    fill()
    while (window.length) {
      const page = await window.shift()!
      fill()
      yield* page.items
      if (!page.meta.has_next) break
    }
  } finally {
    unlink()
    if (window.length) controller.abort()
  }
}
