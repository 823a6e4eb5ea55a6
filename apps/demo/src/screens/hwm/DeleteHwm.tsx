import type { HWMResponseV1 } from '@horizon-ts/core'
import { useDeleteHwm } from '@horizon-ts/react'
import { DeleteCard } from '../../components/DeleteCard'
import { paths } from '../../lib/routes'

/** Deletes the HWM (maintainer role) and returns to its namespace. */
export function DeleteHwm({ hwm, denied }: { hwm: HWMResponseV1; denied: string | null }) {
  const remove = useDeleteHwm()
  return (
    <DeleteCard
      noun="HWM"
      name={hwm.name}
      remove={remove}
      id={hwm.id}
      then={paths.namespace(hwm.namespace_id)}
      denied={denied}
    >
      The next run of its job will start from scratch. The history is kept.
    </DeleteCard>
  )
}
