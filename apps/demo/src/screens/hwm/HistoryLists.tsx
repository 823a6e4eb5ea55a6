import type { HWMResponseV1, JsonValue } from '@horizon-ts/core'
import { horizonKeys } from '@horizon-ts/core/query'
import { useHorizonClient, useHwmHistory, useHwmHistoryInfinite } from '@horizon-ts/react'
import { useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { LoadMore } from '../../components/LoadMore'
import { Pager } from '../../components/Pager'
import { plural } from '../../lib/format'
import { keepPreviousPageOf } from '../../lib/keep-previous-page'
import { HistoryEntries } from './HistoryEntries'

interface Props {
  hwm: HWMResponseV1
  onRestore: (value: JsonValue) => void
}

/** Newest first, ten at a time, older ones loaded as the end comes into view (`useHwmHistoryInfinite`). */
export function HistoryScroll({ hwm, onRestore }: Props) {
  const history = useHwmHistoryInfinite({ hwm_id: hwm.id, page_size: 10 })
  if (history.isPending) return <Loading label="Loading history…" />
  if (history.isError && !history.data) return <ErrorNotice error={history.error} onRetry={() => history.refetch()} />
  const rows = history.data.pages.flatMap((p) => p.items)
  const total = history.data.pages.at(-1)?.meta.total_count ?? rows.length
  return (
    <>
      <HistoryEntries rows={rows} current={hwm} onRestore={onRestore} complete={!history.hasNextPage} />
      <LoadMore
        hasMore={history.hasNextPage}
        loading={history.isFetchingNextPage}
        onMore={() => history.fetchNextPage()}
        status={`${rows.length} of ${plural(total, 'change')}`}
        label="Load older changes"
      />
    </>
  )
}

/** The same history a page at a time (`useHwmHistory`). */
export function HistoryPages({ hwm, onRestore }: Props) {
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(10)
  const keys = horizonKeys(useHorizonClient())
  const history = useHwmHistory(
    { hwm_id: hwm.id, page, page_size: pageSize },
    { placeholderData: keepPreviousPageOf(keys.hwmHistoryOf(hwm.id)) },
  )
  if (history.isPending) return <Loading label="Loading history…" />
  if (history.isError) return <ErrorNotice error={history.error} onRetry={() => history.refetch()} />
  const { items, meta } = history.data
  return (
    <>
      <HistoryEntries rows={items} current={hwm} onRestore={onRestore} complete={!meta.has_next} />
      <Pager
        meta={meta}
        noun="change"
        onPage={setPage}
        pageSize={pageSize}
        onPageSize={(s) => {
          setPageSize(s)
          setPage(1)
        }}
      />
    </>
  )
}
