import type { ReactNode } from 'react'
import { useId, useState } from 'react'
import { useLocation } from 'wouter'
import { useAnnounce } from '../lib/announcer'
import { ConfirmDialog } from './ConfirmDialog'
import { RoleReason } from './RoleReason'

/** What the card needs of a delete mutation (`useDeleteHwm()`, `useDeleteNamespace()`). */
interface Remove<V> {
  mutate(variables: V, options: { onSuccess: () => void }): void
  isPending: boolean
  error: unknown
  reset(): void
}

interface Props<V> {
  /** "HWM", "namespace": in the heading, the buttons and the announcement */
  noun: string
  /** the entity's name, in the dialog's title and the announcement */
  name: string
  /** what deleting it means, under the heading */
  children: ReactNode
  remove: Remove<V>
  /** what `remove.mutate` takes: the entity's id */
  id: V
  /** where to go once it is gone (replacing the deleted entity's page in the history) */
  then: string
  /** why the user's role may not delete it (the button is disabled and says so), or `null` */
  denied?: string | null
}

/**
 * "Delete this …" in a danger card: the button opens a confirmation, a refusal (a missing role, a
 * namespace that still has HWMs) is explained in the dialog, and cancelling forgets it. Once
 * deleted, it is announced and the app moves to `then`.
 */
export function DeleteCard<V>({ noun, name, children, remove, id, then, denied = null }: Props<V>) {
  const [open, setOpen] = useState(false)
  const [, navigate] = useLocation()
  const announce = useAnnounce()
  const titleId = useId()
  const reasonId = useId()
  const close = () => {
    remove.reset()
    setOpen(false)
  }
  return (
    <section className="card card-danger stack" aria-labelledby={titleId}>
      <h2 id={titleId}>Delete this {noun}</h2>
      <p className="muted">{children}</p>
      <div className="stack-tight">
        <div>
          <button
            type="button"
            className="button button-danger"
            disabled={denied !== null}
            aria-describedby={denied ? reasonId : undefined}
            onClick={() => setOpen(true)}
          >
            Delete {noun}…
          </button>
        </div>
        <RoleReason id={reasonId} reason={denied} />
      </div>
      <ConfirmDialog
        open={open}
        title={`Delete “${name}”?`}
        confirmLabel={`Delete ${noun}`}
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={close}
        onConfirm={() =>
          remove.mutate(id, {
            onSuccess: () => {
              announce(`${noun.replace(/^./, (c) => c.toUpperCase())} “${name}” deleted`)
              setOpen(false)
              navigate(then, { replace: true })
            },
          })
        }
      >
        <p>This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  )
}
