/** Namespace roles and Horizon's permission check (`check_user_permission`). */
import { notFound, permissionDenied } from './errors.js'
import type { Tables } from './store.js'

export type Role = 'GUEST' | 'DEVELOPER' | 'MAINTAINER' | 'OWNER'

const RANK: Record<Role, number> = { GUEST: 0, DEVELOPER: 1, MAINTAINER: 2, OWNER: 3 }

/** The user's role in an existing namespace: OWNER for its owner, the granted role, or GUEST. */
export function roleIn(t: Tables, namespaceId: number, userId: number): Role {
  const ns = t.namespaces.get(namespaceId)
  if (ns?.ownerId === userId) return 'OWNER'
  return t.rolesIn(namespaceId).get(userId) ?? 'GUEST'
}

/**
 * Throws unless the user holds at least `required` in the namespace. As in Horizon, a superadmin passes
 * before the namespace is even looked up; anyone else gets 404 for a missing namespace, then 403.
 */
export function requireRole(t: Tables, namespaceId: number, userId: number, superadmin: boolean, required: Role): void {
  if (superadmin) return
  if (!t.namespaces.has(namespaceId)) throw notFound('Namespace', 'id', namespaceId)
  const actual = roleIn(t, namespaceId, userId)
  if (RANK[actual] < RANK[required]) throw permissionDenied(required, actual)
}

/** The namespace, or 404. */
export function getNamespace(t: Tables, namespaceId: number) {
  const ns = t.namespaces.get(namespaceId)
  if (!ns) throw notFound('Namespace', 'id', namespaceId)
  return ns
}
