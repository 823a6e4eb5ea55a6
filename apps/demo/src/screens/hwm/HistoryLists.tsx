import type { HWMResponseV1, JsonValue } from '@horizon-ts/core'
import { useHwmHistory, useHwmHistoryInfinite } from '@horizon-ts/react'
import { EmptyState } from '../../components/EmptyState'
import { PageList, ScrollList } from '../../components/PagedList'
import { plural } from '../../lib/format'
import { keepPreviousPageOf } from '../../lib/keep-previous-page'
import { usePaging } from '../../lib/list-params'
import { hwmHistoryScrollRead } from '../../lib/screen-reads'
import { useHorizonKeys } from '../../lib/use-horizon-keys'
import { HistoryEntries } from './HistoryEntries'

interface Props {
  hwm: HWMResponseV1
  onRestore: (value: JsonValue) => void
}

const list = {
  noun: 'change',
  loading: 'Loading history…',
  empty: <EmptyState title="No history yet" />,
  className: 'stack',
}

/** Newest first, ten at a time, older ones loaded as the end comes into view (`useHwmHistoryInfinite`). */
export function HistoryScroll({ hwm, onRestore }: Props) {
  const history = useHwmHistoryInfinite(hwmHistoryScrollRead(hwm.id))
  return (
    <ScrollList
      query={history}
      {...list}
      more="Load older changes"
      status={(shown, total) => `${shown} of ${plural(total, 'change')}`}
    >
      {(rows, complete) => <HistoryEntries rows={rows} current={hwm} onRestore={onRestore} complete={complete} />}
    </ScrollList>
  )
}

/** The same history a page at a time (`useHwmHistory`). */
export function HistoryPages({ hwm, onRestore }: Props) {
  const paging = usePaging(10)
  const keys = useHorizonKeys()
  const history = useHwmHistory(
    { hwm_id: hwm.id, page: paging.page, page_size: paging.pageSize },
    { placeholderData: keepPreviousPageOf(keys.hwmHistoryOf(hwm.id)) },
  )
  return (
    <PageList query={history} paging={paging} {...list}>
      {(rows, complete) => <HistoryEntries rows={rows} current={hwm} onRestore={onRestore} complete={complete} />}
    </PageList>
  )
}
