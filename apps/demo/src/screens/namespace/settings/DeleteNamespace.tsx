import type { NamespaceResponseV1 } from '@horizon-ts/core'
import { useDeleteNamespace } from '@horizon-ts/react'
import { DeleteCard } from '../../../components/DeleteCard'
import { paths } from '../../../lib/routes'

/** Deleting a namespace: Horizon refuses while it has HWMs, and the dialog explains that answer. */
export function DeleteNamespace({ namespace, denied }: { namespace: NamespaceResponseV1; denied: string | null }) {
  const remove = useDeleteNamespace()
  return (
    <DeleteCard
      noun="namespace"
      name={namespace.name}
      remove={remove}
      id={namespace.id}
      then={paths.namespaces}
      denied={denied}
    >
      Only an empty namespace can be deleted. Its history is kept.
    </DeleteCard>
  )
}
