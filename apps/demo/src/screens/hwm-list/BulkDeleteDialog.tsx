import { useBulkDeleteHwm } from '@horizon-ts/react'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useAnnounce } from '../../lib/announcer'
import { plural } from '../../lib/format'
import type { Selection } from '../../lib/use-selection'

interface Props {
  open: boolean
  onClose: () => void
  namespaceId: number
  selection: Selection
}

/** Deletes the selected HWMs in one request (maintainer role); their history keeps a "Deleted" row. */
export function BulkDeleteDialog({ open, onClose, namespaceId, selection }: Props) {
  const announce = useAnnounce()
  const remove = useBulkDeleteHwm()
  const count = selection.ids.length
  const close = () => {
    remove.reset()
    onClose()
  }
  return (
    <ConfirmDialog
      open={open}
      title={`Delete ${plural(count, 'HWM')}?`}
      confirmLabel={`Delete ${plural(count, 'HWM')}`}
      danger
      pending={remove.isPending}
      error={remove.error}
      onClose={close}
      onConfirm={() => {
        const ids = selection.ids
        remove.mutate([namespaceId, ids], {
          onSuccess: () => {
            announce(`Deleted ${plural(ids.length, 'HWM')}`)
            selection.drop(ids)
            close()
          },
        })
      }}
    >
      <p>ETL jobs that use them will start from scratch. Their history is kept.</p>
      <ul className="name-list">
        {selection.names.slice(0, 8).map((name) => (
          <li key={name}>{name}</li>
        ))}
        {count > 8 && <li className="muted">and {count - 8} more</li>}
      </ul>
    </ConfirmDialog>
  )
}
