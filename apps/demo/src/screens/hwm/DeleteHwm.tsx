import type { HWMResponseV1 } from '@horizon-ts/core'
import { useDeleteHwm } from '@horizon-ts/react'
import { useState } from 'react'
import { useLocation } from 'wouter'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useAnnounce } from '../../lib/announcer'
import { paths } from '../../lib/routes'

/** Deletes the HWM (maintainer role) and returns to its namespace. */
export function DeleteHwm({ hwm }: { hwm: HWMResponseV1 }) {
  const [open, setOpen] = useState(false)
  const [, navigate] = useLocation()
  const announce = useAnnounce()
  const remove = useDeleteHwm()
  const close = () => {
    remove.reset()
    setOpen(false)
  }
  return (
    <section className="card card-danger stack" aria-labelledby="delete-hwm-title">
      <h2 id="delete-hwm-title">Delete this HWM</h2>
      <p className="muted">The next run of its job will start from scratch. The history is kept.</p>
      <div>
        <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
          Delete HWM…
        </button>
      </div>
      <ConfirmDialog
        open={open}
        title={`Delete “${hwm.name}”?`}
        confirmLabel="Delete HWM"
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={close}
        onConfirm={() =>
          remove.mutate(hwm.id, {
            onSuccess: () => {
              announce(`HWM “${hwm.name}” deleted`)
              setOpen(false)
              navigate(paths.namespace(hwm.namespace_id), { replace: true })
            },
          })
        }
      >
        <p>This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  )
}
