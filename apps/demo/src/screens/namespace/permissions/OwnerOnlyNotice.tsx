import type { NamespaceResponseV1, PermissionDeniedError } from '@horizon-ts/core'
import { RoleBadge } from '../../../components/RoleBadge'

/** Why a non-owner sees no permissions: Horizon's owner-only rule, in words. */
export function OwnerOnlyNotice({
  namespace,
  error,
}: {
  namespace: NamespaceResponseV1
  error: PermissionDeniedError
}) {
  return (
    <div className="notice notice-info" role="status">
      <p className="notice-title">Only the owner can see and change permissions</p>
      <p>
        <strong>{namespace.name}</strong> is owned by <strong>{namespace.owned_by}</strong>. Horizon lets the owner (and
        superadmins) manage who holds which role here. Your role in this namespace:{' '}
        <RoleBadge roleName={error.actualRole ?? 'GUEST'} />. Ask {namespace.owned_by} if you need more access.
      </p>
    </div>
  )
}
