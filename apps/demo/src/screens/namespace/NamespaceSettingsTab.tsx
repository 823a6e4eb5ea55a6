import type { NamespaceResponseV1 } from '@horizon-ts/core'
import { DeleteNamespace } from './settings/DeleteNamespace'
import { EditNamespaceForm } from './settings/EditNamespaceForm'

/** Rename or describe the namespace, or delete it (owner only; Horizon explains otherwise). */
export function NamespaceSettingsTab({ namespace }: { namespace: NamespaceResponseV1 }) {
  return (
    <div className="stack-loose">
      <EditNamespaceForm key={namespace.changed_at} namespace={namespace} />
      <DeleteNamespace namespace={namespace} />
    </div>
  )
}
