import { useHwmInfinite } from '@horizon-ts/react'
import { ScrollList } from '../../components/PagedList'
import { hwmScrollRead } from '../../lib/screen-reads'
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
  const list = useHwmInfinite(hwmScrollRead(namespaceId, name))
  return (
    <ScrollList query={list} noun="HWM" loading="Loading HWMs…" empty={<NoHwms name={name} />}>
      {(hwms) => <HwmTable hwms={hwms} selection={selection} />}
    </ScrollList>
  )
}
