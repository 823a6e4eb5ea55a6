import type { NamespaceResponseV1 } from '@horizon-ts/core'
import { useDeleteNamespace } from '@horizon-ts/react'
import { useState } from 'react'
import { useLocation } from 'wouter'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { useAnnounce } from '../../../lib/announcer'
import { paths } from '../../../lib/routes'

/** Deleting a namespace: Horizon refuses while it has HWMs, and the dialog explains that answer. */
export function DeleteNamespace({ namespace }: { namespace: NamespaceResponseV1 }) {
  const [open, setOpen] = useState(false)
  const [, navigate] = useLocation()
  const announce = useAnnounce()
  const remove = useDeleteNamespace()
  const close = () => {
    remove.reset()
    setOpen(false)
  }
  return (
    <section className="card card-danger stack" aria-labelledby="delete-ns-title">
      <h2 id="delete-ns-title">Delete this namespace</h2>
      <p className="muted">Only an empty namespace can be deleted. Its history is kept.</p>
      <div>
        <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
          Delete namespace…
        </button>
      </div>
      <ConfirmDialog
        open={open}
        title={`Delete “${namespace.name}”?`}
        confirmLabel="Delete namespace"
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={close}
        onConfirm={() =>
          remove.mutate(namespace.id, {
            onSuccess: () => {
              announce(`Namespace “${namespace.name}” deleted`)
              setOpen(false)
              navigate(paths.namespaces, { replace: true })
            },
          })
        }
      >
        <p>This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  )
}
