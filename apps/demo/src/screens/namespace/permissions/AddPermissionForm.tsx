import type { PermissionResponseItemV1 } from '@horizon-ts/core'
import { useState } from 'react'
import { Field } from '../../../components/Field'
import { useAnnounce } from '../../../lib/announcer'
import { GRANTABLE, type GrantableRole, type PermissionsUpdate } from './types'

interface Props {
  namespaceId: number
  existing: PermissionResponseItemV1[]
  update: PermissionsUpdate
}

/** Gives a user a role. Horizon knows a user once they have logged in; others answer "not found". */
export function AddPermissionForm({ namespaceId, existing, update }: Props) {
  const [username, setUsername] = useState('')
  const [role, setRole] = useState<GrantableRole>('DEVELOPER')
  const announce = useAnnounce()
  const name = username.trim()
  const already = existing.find((p) => p.username === name)
  return (
    <form
      className="inline-form card"
      aria-labelledby="add-role-title"
      onSubmit={(e) => {
        e.preventDefault()
        update.mutate([namespaceId, { permissions: [{ username: name, role }] }], {
          onSuccess: () => {
            announce(`${name} is now ${role.toLowerCase()}`)
            setUsername('')
          },
        })
      }}
    >
      <h3 id="add-role-title" className="form-title">
        Give a user a role
      </h3>
      <Field label="Username" hint={already ? `${name} already has a role: this changes it.` : undefined}>
        <input
          type="text"
          value={username}
          spellCheck={false}
          autoCapitalize="off"
          onChange={(e) => setUsername(e.target.value)}
        />
      </Field>
      <Field label="Role">
        <select className="select-narrow" value={role} onChange={(e) => setRole(e.target.value as GrantableRole)}>
          {GRANTABLE.map((r) => (
            <option key={r} value={r}>
              {r === 'DEVELOPER' ? 'Developer' : 'Maintainer'}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="button button-primary" disabled={!name || update.isPending}>
        Give role
      </button>
    </form>
  )
}
