import type { HorizonError, PageMetaResponseV1, PageResponseV1 } from '@horizon-ts/core'
import type { InfiniteData, UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query'
import { type ReactNode, useRef } from 'react'
import { plural } from '../lib/format'
import type { Paging } from '../lib/list-params'
import { ErrorNotice } from './ErrorNotice'
import { Loading } from './Loading'
import { LoadMore } from './LoadMore'
import { Pager } from './Pager'

/**
 * The two views of every list in the app (namespaces, a namespace's HWMs, the histories): a page at
 * a time with a `Pager`, or one continuous list that loads more at its end (`LoadMore`). The screen
 * calls the hook (`useHwmPage` / `useHwmInfinite`, …) and says how to draw the items; this draws the
 * loading, the failure, the empty state and the controls, the same way everywhere.
 */
interface ListProps<T> {
  /** what one item is called: "Page 2 of 7 · 130 HWMs", "Showing 40 of 130 HWMs" */
  noun: string
  /** said while the first page loads, e.g. "Loading HWMs…" */
  loading: string
  /** shown instead of the list, and without its controls, when there is nothing to list */
  empty: ReactNode
  /** the list's box (e.g. `stack`, where the list sits in a stack and keeps its spacing) */
  className?: string
  /** the items; `complete` when the last of them is the oldest there is (no page after this one) */
  children: (items: T[], complete: boolean) => ReactNode
}

/** A page at a time. The previous page stays on screen (`aria-busy`) while the next loads, if the hook keeps it. */
export function PageList<T>({
  query,
  paging,
  noun,
  loading,
  empty,
  className,
  children,
}: ListProps<T> & { query: UseQueryResult<PageResponseV1<T>, HorizonError>; paging: Paging }) {
  // The last page that did load says how many pages there are: a page that fails (Horizon answers
  // 500 to a page holding one row it cannot serve) keeps a pager, so the pages around it stay reachable.
  const known = useRef<PageMetaResponseV1 | null>(null)
  if (query.data && !query.isPlaceholderData) known.current = query.data.meta
  if (query.isPending) return <Loading label={loading} />
  // A failed refresh keeps the rows it had under the error; a first load that failed has none.
  const error = query.isError && (
    <ErrorNotice
      error={query.error}
      onRetry={() => query.refetch()}
      context={`Page ${paging.page} could not be loaded`}
    />
  )
  const pager = (meta: PageMetaResponseV1) => (
    <Pager meta={meta} noun={noun} onPage={paging.setPage} pageSize={paging.pageSize} onPageSize={paging.setPageSize} />
  )
  if (!query.data) {
    const meta = known.current && metaAround(known.current, paging.page)
    return (
      <>
        {error}
        {meta && pager(meta)}
      </>
    )
  }
  const { items, meta } = query.data
  return (
    <>
      {error}
      {items.length === 0 ? (
        empty
      ) : (
        <div className={className} aria-busy={query.isPlaceholderData}>
          {children(items, !meta.has_next)}
          {pager(meta)}
        </div>
      )}
    </>
  )
}

/** The pager of a page that failed to load, from what the last page that loaded said. */
function metaAround(last: PageMetaResponseV1, page: number): PageMetaResponseV1 {
  const pages = Math.max(last.pages_count, page)
  return {
    ...last,
    page,
    pages_count: pages,
    has_previous: page > 1,
    previous_page: page > 1 ? page - 1 : null,
    has_next: page < pages,
    next_page: page < pages ? page + 1 : null,
  }
}

/** Every page fetched so far in one list, the next fetched when its end comes into view. */
export function ScrollList<T>({
  query,
  noun,
  loading,
  empty,
  className,
  children,
  more = 'Load more',
  status = (shown, total) => `Showing ${shown} of ${plural(total, noun)}`,
}: ListProps<T> & {
  query: UseInfiniteQueryResult<InfiniteData<PageResponseV1<T>, number>, HorizonError>
  /** the button that fetches the next page */
  more?: string
  /** the line beside it */
  status?: (shown: number, total: number) => string
}) {
  if (query.isPending) return <Loading label={loading} />
  if (query.isError && !query.data) return <ErrorNotice error={query.error} onRetry={() => query.refetch()} />
  const items = query.data.pages.flatMap((p) => p.items)
  const total = query.data.pages.at(-1)?.meta.total_count ?? items.length
  if (items.length === 0) return empty
  return (
    <div className={className}>
      {children(items, !query.hasNextPage)}
      {query.isFetchNextPageError && <ErrorNotice error={query.error} onRetry={() => query.fetchNextPage()} />}
      <LoadMore
        hasMore={query.hasNextPage && !query.isFetchNextPageError}
        loading={query.isFetchingNextPage}
        onMore={() => query.fetchNextPage()}
        status={status(items.length, total)}
        label={more}
      />
    </div>
  )
}
