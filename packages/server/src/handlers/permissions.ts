/** `/v1/namespaces/{id}/permissions`: read and change who holds which role. OWNER only (or a superadmin). */
import type { PermissionsResponseV1 } from '@horizon-ts/core'
import { badRequest, notFound } from '../errors.js'
import type { Handlers } from '../handler-types.js'
import { getNamespace, requireRole } from '../roles.js'
import type { GrantedRole, Tables } from '../store.js'

/** Owner first, then the highest role, then by username (Horizon's `ORDER BY role DESC, username`). */
function permissionsOf(t: Tables, namespaceId: number): PermissionsResponseV1 {
  const ns = getNamespace(t, namespaceId)
  const username = (id: number) => t.users.get(id)?.username ?? ''
  const granted = [...t.rolesIn(namespaceId)]
    .filter(([userId]) => userId !== ns.ownerId)
    .map(([userId, role]) => ({ username: username(userId), role }))
    .sort((a, b) => (a.role === b.role ? (a.username < b.username ? -1 : 1) : a.role === 'MAINTAINER' ? -1 : 1))
  // A role granted to the owner (a superadmin's change can write one) replaces OWNER in Horizon's
  // answer, in the owner's place.
  const owner = t.rolesIn(namespaceId).get(ns.ownerId) ?? 'OWNER'
  return { permissions: [{ username: username(ns.ownerId), role: owner }, ...granted] }
}

function setRole(t: Tables, namespaceId: number, userId: number, role: GrantedRole | null): void {
  if (role !== (t.rolesIn(namespaceId).get(userId) ?? null)) t.setRole(namespaceId, userId, role)
}

export const permissionHandlers = {
  getNamespacePermissions({ path: { namespace_id: id }, store, user, superadmin }) {
    const t = store.tables
    requireRole(t, id, user.id, superadmin, 'OWNER')
    return permissionsOf(t, id)
  },

  updateNamespacePermissions({ path: { namespace_id: id }, body: { permissions: changes }, store, user, superadmin }) {
    return store.transaction((t) => {
      requireRole(t, id, user.id, superadmin, 'OWNER')
      getNamespace(t, id)
      let ownerChanged = false
      // Applied in request order, as Horizon does; every step sees the previous ones.
      for (const change of changes) {
        const userId = t.userIds.get(change.username)
        if (userId === undefined) throw notFound('User', 'username', change.username)
        const ns = getNamespace(t, id)
        const namesNewOwner = changes.some((c) => c.role === 'OWNER' && c.username !== change.username)
        // Horizon guards the requesting user's own entry, not the owner's: a superadmin may demote the owner.
        if (userId === user.id && change.role !== 'OWNER' && !namesNewOwner)
          throw badRequest('Cannot drop ownership without assigning a new owner.')
        if (change.role === 'OWNER' && !ownerChanged) {
          // The old owner keeps no role unless the request gives one; `changed_at` moves (onupdate),
          // `changed_by` does not, and no namespace history row is written.
          t.putNamespace({ ...ns, ownerId: userId, changedAt: store.clock.now() })
          setRole(t, id, userId, null)
          ownerChanged = true
        } else if (change.role !== 'OWNER') setRole(t, id, userId, change.role ?? null)
      }
      return permissionsOf(t, id)
    })
  },
} satisfies Partial<Handlers>
