import { limits } from '@horizon-ts/core/constraints'
import { useCreateNamespace } from '@horizon-ts/react'
import { useState } from 'react'
import { useLocation } from 'wouter'
import { Dialog } from '../../components/Dialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { useAnnounce } from '../../lib/announcer'
import { concernsField } from '../../lib/field-errors'
import { paths } from '../../lib/routes'

/** Name and description; the creator becomes the owner. Opens the new namespace on success. */
export function CreateNamespaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="New namespace" onClose={onClose}>
      <CreateNamespaceForm onClose={onClose} />
    </Dialog>
  )
}

function CreateNamespaceForm({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [, navigate] = useLocation()
  const announce = useAnnounce()
  const create = useCreateNamespace({
    onSuccess: (ns) => {
      announce(`Namespace “${ns.name}” created`)
      onClose()
      navigate(paths.namespace(ns.id))
    },
  })
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault()
        create.mutate({ name, description })
      }}
    >
      <Field
        label="Name"
        hint={`Unique across Horizon, up to ${limits('NamespaceCreateRequestV1', 'name').maxLength} characters.`}
      >
        <input
          type="text"
          value={name}
          onChange={(e) => {
            // "Already exists" was about the old name.
            if (concernsField(create.error, 'name')) create.reset()
            setName(e.target.value)
          }}
          spellCheck={false}
        />
      </Field>
      <Field label="Description" optional>
        <textarea
          rows={3}
          value={description}
          onChange={(e) => {
            if (concernsField(create.error, 'description')) create.reset()
            setDescription(e.target.value)
          }}
        />
      </Field>
      {create.error && <ErrorNotice error={create.error} context="Could not create the namespace" />}
      <div className="form-actions">
        <button type="button" className="button-ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create namespace'}
        </button>
      </div>
    </form>
  )
}
