import type { NamespaceResponseV1, NamespaceUpdateRequestV1 } from '@horizon-ts/core'
import { useUpdateNamespace } from '@horizon-ts/react'
import { useId, useState } from 'react'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Field } from '../../../components/Field'
import { RoleReason } from '../../../components/RoleReason'
import { useAnnounce } from '../../../lib/announcer'
import { concernsField } from '../../../lib/field-errors'

/** Name and description; only what changed is sent, so the history row says what this edit did. */
export function EditNamespaceForm({ namespace, denied }: { namespace: NamespaceResponseV1; denied: string | null }) {
  const reasonId = useId()
  const [name, setName] = useState(namespace.name)
  const [description, setDescription] = useState(namespace.description)
  const announce = useAnnounce()
  const update = useUpdateNamespace({ onSuccess: (ns) => announce(`Namespace “${ns.name}” saved`) })
  const changes: NamespaceUpdateRequestV1 = {}
  if (name !== namespace.name) changes.name = name
  if (description !== namespace.description) changes.description = description
  const dirty = Object.keys(changes).length > 0
  return (
    <section className="card stack" aria-labelledby="edit-ns-title">
      <h2 id="edit-ns-title">Name and description</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          if (denied) return
          update.mutate([namespace.id, changes])
        }}
      >
        <Field
          label="Name"
          hint="Unique across Horizon. Jobs find their HWMs by namespace name: renaming breaks them until they are reconfigured."
        >
          <input
            type="text"
            value={name}
            spellCheck={false}
            onChange={(e) => {
              // "Already exists" was about the old name.
              if (concernsField(update.error, 'name')) update.reset()
              setName(e.target.value)
            }}
          />
        </Field>
        <Field label="Description">
          <textarea
            rows={3}
            value={description}
            onChange={(e) => {
              if (concernsField(update.error, 'description')) update.reset()
              setDescription(e.target.value)
            }}
          />
        </Field>
        {update.error && <ErrorNotice error={update.error} context="Could not save" />}
        <div className="form-actions">
          <RoleReason id={reasonId} reason={denied} />
          <button
            type="submit"
            className="button button-primary"
            disabled={denied !== null || !dirty || update.isPending}
            aria-describedby={denied ? reasonId : undefined}
          >
            {update.isPending ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      </form>
    </section>
  )
}
