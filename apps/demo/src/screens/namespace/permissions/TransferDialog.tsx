import type { NamespaceResponseV1, PermissionUpdateRequestItemV1 } from '@horizon-ts/core'
import { useUpdateNamespacePermissions } from '@horizon-ts/react'
import { useState } from 'react'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Field } from '../../../components/Field'
import { useAnnounce } from '../../../lib/announcer'
import { GRANTABLE, type GrantableRole } from './types'

interface Props {
  namespace: NamespaceResponseV1
  /** the future owner, or null when closed */
  to: string | null
  owner: string
  onClose: () => void
}

/**
 * Ownership transfer. Horizon leaves the previous owner with no role unless the same request gives
 * one, so the dialog asks what they keep (maintainer by default).
 */
export function TransferDialog({ namespace, to, owner, onClose }: Props) {
  const [keep, setKeep] = useState<GrantableRole | ''>('MAINTAINER')
  const announce = useAnnounce()
  const transfer = useUpdateNamespacePermissions()
  const close = () => {
    transfer.reset()
    onClose()
  }
  return (
    <ConfirmDialog
      open={to !== null}
      title={`Make ${to ?? ''} the owner?`}
      confirmLabel="Transfer ownership"
      danger
      pending={transfer.isPending}
      error={transfer.error}
      onClose={close}
      onConfirm={() => {
        if (!to) return
        // The new owner first: the previous owner's change is then an ordinary role.
        const permissions: PermissionUpdateRequestItemV1[] = [{ username: to, role: 'OWNER' }]
        if (keep) permissions.push({ username: owner, role: keep })
        transfer.mutate([namespace.id, { permissions }], {
          onSuccess: () => {
            announce(`${to} now owns ${namespace.name}`)
            close()
          },
        })
      }}
    >
      <p>
        {to} will own <strong>{namespace.name}</strong>: rename or delete it and manage its permissions. {owner} stops
        being the owner.
      </p>
      <Field label={`${owner} keeps the role`}>
        <select value={keep} onChange={(e) => setKeep(e.target.value as GrantableRole | '')}>
          {GRANTABLE.map((r) => (
            <option key={r} value={r}>
              {r === 'DEVELOPER' ? 'Developer' : 'Maintainer'}
            </option>
          ))}
          <option value="">No role (guest)</option>
        </select>
      </Field>
    </ConfirmDialog>
  )
}
