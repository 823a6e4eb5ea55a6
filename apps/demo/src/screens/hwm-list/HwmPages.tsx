import { useHwmPage } from '@horizon-ts/react'
import { PageList } from '../../components/PagedList'
import { keepPreviousPageOf } from '../../lib/keep-previous-page'
import type { Paging } from '../../lib/list-params'
import { hwmPageRead } from '../../lib/screen-reads'
import { useHorizonKeys } from '../../lib/use-horizon-keys'
import type { Selection } from '../../lib/use-selection'
import { HwmTable } from './HwmTable'
import { NoHwms } from './NoHwms'

interface Props {
  namespaceId: number
  name: string
  selection: Selection
  list: Paging
}

/** One page of HWMs at a time (`useHwmPage`), the page in the URL. */
export function HwmPages({ namespaceId, name, selection, list }: Props) {
  const query = hwmPageRead(namespaceId, { ...list, name })
  const keys = useHorizonKeys()
  const page = useHwmPage(query, { placeholderData: keepPreviousPageOf(keys.hwmLists(namespaceId)) })
  return (
    <PageList query={page} paging={list} noun="HWM" loading="Loading HWMs…" empty={<NoHwms name={name} />}>
      {(hwms) => <HwmTable hwms={hwms} selection={selection} />}
    </PageList>
  )
}
