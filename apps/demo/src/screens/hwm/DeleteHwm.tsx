import type { HWMResponseV1 } from '@horizon-ts/core'
import { useDeleteHwm } from '@horizon-ts/react'
import { DeleteCard } from '../../components/DeleteCard'
import { paths } from '../../lib/routes'

/** Deletes the HWM (maintainer role) and returns to its namespace. */
export function DeleteHwm({ hwm }: { hwm: HWMResponseV1 }) {
  const remove = useDeleteHwm()
  return (
    <DeleteCard noun="HWM" name={hwm.name} remove={remove} id={hwm.id} then={paths.namespace(hwm.namespace_id)}>
      The next run of its job will start from scratch. The history is kept.
    </DeleteCard>
  )
}
