import { type NamespaceResponseV1, PermissionDeniedError } from '@horizon-ts/core'
import { useNamespacePermissions, useUpdateNamespacePermissions } from '@horizon-ts/react'
import { useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { AddPermissionForm } from './permissions/AddPermissionForm'
import { OwnerOnlyNotice } from './permissions/OwnerOnlyNotice'
import { PermissionsTable } from './permissions/PermissionsTable'
import { TransferDialog } from './permissions/TransferDialog'

/**
 * Who holds which role here. Horizon shows and changes permissions for the owner (and superadmins)
 * only; anyone else gets the rule explained instead of a table.
 */
export function NamespacePermissionsTab({ namespace }: { namespace: NamespaceResponseV1 }) {
  const permissions = useNamespacePermissions(namespace.id)
  const update = useUpdateNamespacePermissions()
  const [transferTo, setTransferTo] = useState<string | null>(null)
  return (
    <section className="stack" aria-labelledby="perm-title">
      <div className="section-header">
        <h2 id="perm-title">Permissions</h2>
      </div>
      <p className="muted">
        Anyone signed in may read. <strong>Developer</strong>: create and edit HWMs, copy into this namespace.{' '}
        <strong>Maintainer</strong>: also delete HWMs. <strong>Owner</strong>: also rename or delete the namespace and
        manage its permissions.
      </p>
      {permissions.isPending && <Loading label="Loading permissions…" />}
      {permissions.isError &&
        (permissions.error instanceof PermissionDeniedError ? (
          <OwnerOnlyNotice namespace={namespace} error={permissions.error} />
        ) : (
          <ErrorNotice error={permissions.error} onRetry={() => permissions.refetch()} />
        ))}
      {permissions.data && (
        <>
          {update.error && <ErrorNotice error={update.error} context="Could not change the permissions" />}
          <PermissionsTable
            permissions={permissions.data.permissions}
            namespaceId={namespace.id}
            update={update}
            onTransfer={setTransferTo}
          />
          <AddPermissionForm namespaceId={namespace.id} existing={permissions.data.permissions} update={update} />
          <TransferDialog
            namespace={namespace}
            to={transferTo}
            owner={permissions.data.permissions.find((p) => p.role === 'OWNER')?.username ?? namespace.owned_by}
            onClose={() => setTransferTo(null)}
          />
        </>
      )}
    </section>
  )
}
