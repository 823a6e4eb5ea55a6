import { useHwmInfinite } from '@horizon-ts/react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { LoadMore } from '../../components/LoadMore'
import { plural } from '../../lib/format'
import type { Selection } from '../../lib/use-selection'
import { HwmTable } from './HwmTable'
import { NoHwms } from './NoHwms'

/** Every HWM in one list, 50 more each time the end comes into view (`useHwmInfinite`). */
export function HwmScroll({
  namespaceId,
  name,
  selection,
}: {
  namespaceId: number
  name: string
  selection: Selection
}) {
  const query = { namespace_id: namespaceId, page_size: 50, ...(name ? { name } : {}) }
  const list = useHwmInfinite(query)
  if (list.isPending) return <Loading label="Loading HWMs…" />
  if (list.isError && !list.data) return <ErrorNotice error={list.error} onRetry={() => list.refetch()} />
  const hwms = list.data.pages.flatMap((p) => p.items)
  const total = list.data.pages.at(-1)?.meta.total_count ?? hwms.length
  if (hwms.length === 0) return <NoHwms name={name} />
  return (
    <div>
      <HwmTable hwms={hwms} selection={selection} />
      {list.isFetchNextPageError && <ErrorNotice error={list.error} onRetry={() => list.fetchNextPage()} />}
      <LoadMore
        hasMore={list.hasNextPage && !list.isFetchNextPageError}
        loading={list.isFetchingNextPage}
        onMore={() => list.fetchNextPage()}
        status={`Showing ${hwms.length} of ${plural(total, 'HWM')}`}
      />
    </div>
  )
}
