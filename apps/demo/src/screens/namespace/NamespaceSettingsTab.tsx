import type { NamespaceResponseV1 } from '@horizon-ts/core'
import { useNamespaceRole } from '../../lib/use-namespace-role'
import { DeleteNamespace } from './settings/DeleteNamespace'
import { EditNamespaceForm } from './settings/EditNamespaceForm'

/** Rename or describe the namespace, or delete it: owner only, so anyone else sees why the buttons are disabled. */
export function NamespaceSettingsTab({ namespace }: { namespace: NamespaceResponseV1 }) {
  const denied = useNamespaceRole(namespace.id).reason('manageNamespace')
  return (
    <div className="stack-loose">
      <EditNamespaceForm key={namespace.changed_at} namespace={namespace} denied={denied} />
      <DeleteNamespace namespace={namespace} denied={denied} />
    </div>
  )
}
