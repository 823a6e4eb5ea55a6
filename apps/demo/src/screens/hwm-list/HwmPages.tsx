import { horizonKeys } from '@horizon-ts/core/query'
import { useHorizonClient, useHwmPage } from '@horizon-ts/react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { Pager } from '../../components/Pager'
import { keepPreviousPageOf } from '../../lib/keep-previous-page'
import type { useListParams } from '../../lib/list-params'
import type { Selection } from '../../lib/use-selection'
import { HwmTable } from './HwmTable'
import { NoHwms } from './NoHwms'

interface Props {
  namespaceId: number
  name: string
  selection: Selection
  list: ReturnType<typeof useListParams>
}

/** One page of HWMs at a time (`useHwmPage`), the page in the URL. */
export function HwmPages({ namespaceId, name, selection, list }: Props) {
  const query = { namespace_id: namespaceId, page: list.page, page_size: list.pageSize, ...(name ? { name } : {}) }
  const keys = horizonKeys(useHorizonClient())
  const page = useHwmPage(query, { placeholderData: keepPreviousPageOf(keys.hwmLists(namespaceId)) })
  if (page.isPending) return <Loading label="Loading HWMs…" />
  if (page.isError) return <ErrorNotice error={page.error} onRetry={() => page.refetch()} />
  const { items, meta } = page.data
  if (items.length === 0) return <NoHwms name={name} />
  return (
    <div aria-busy={page.isPlaceholderData}>
      <HwmTable hwms={items} selection={selection} />
      <Pager meta={meta} noun="HWM" onPage={list.setPage} pageSize={list.pageSize} onPageSize={list.setPageSize} />
    </div>
  )
}
