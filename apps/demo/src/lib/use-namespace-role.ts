import { PermissionDeniedError } from '@horizon-ts/core'
import { useNamespace, useNamespacePermissions, useWhoami } from '@horizon-ts/react'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'

/** A user's standing in a namespace, low to high; `SUPERADMIN` may do everything everywhere. */
export type NamespaceRole = 'GUEST' | 'DEVELOPER' | 'MAINTAINER' | 'OWNER' | 'SUPERADMIN'

/** What the admin UI offers that Horizon guards by role. */
export type RoleAction = 'writeHwm' | 'deleteHwm' | 'copyInto' | 'manageNamespace' | 'managePermissions'

const RANK: Record<NamespaceRole, number> = { GUEST: 0, DEVELOPER: 1, MAINTAINER: 2, OWNER: 3, SUPERADMIN: 4 }

/** The least role each action needs (Horizon's `check_user_permission` calls; NOTES.md "Roles"). */
export const REQUIRED_ROLE: Record<RoleAction, Exclude<NamespaceRole, 'GUEST' | 'SUPERADMIN'>> = {
  writeHwm: 'DEVELOPER',
  copyInto: 'DEVELOPER',
  deleteHwm: 'MAINTAINER',
  manageNamespace: 'OWNER',
  managePermissions: 'OWNER',
}

/** The text shown beside a write control while the role is not known yet. */
export const CHECKING_ROLE = 'Checking your role…'

export interface NamespaceRoleState {
  /** the role, once known; `undefined` while loading or when it could not be learnt */
  role: NamespaceRole | undefined
  /** the role is still being asked for: write controls stay disabled meanwhile */
  isLoading: boolean
  /** whether the UI should offer `action` */
  can(action: RoleAction): boolean
  /**
   * why `action` is not offered ("Needs the developer role; yours is guest.", or with `where`, "Needs
   * the developer role in sales; yours is guest."), or `null` when it is
   */
  reason(action: RoleAction, where?: string): string | null
}

const known = (role: string | undefined): role is NamespaceRole => role !== undefined && role in RANK

/**
 * The current user's role in namespace `namespaceId` (`undefined`: no namespace, e.g. no copy target
 * chosen yet), to offer only the controls that role allows and to say why the others are disabled.
 *
 * Horizon has no "my role" endpoint, so it is inferred, asking as little as possible:
 * - a superadmin (`is_admin` in `/v1/users/me`) or the namespace's owner (`owned_by`) needs no request;
 * - anyone else: `GET /v1/namespaces/{id}/permissions`, which is OWNER-only. Its 403 carries the user's
 *   `actual_role`; a 200 means owner powers. It is the permissions tab's own query (same key), so the
 *   tab and every control of the namespace share one request.
 *
 * @example
 * ```tsx
 * const access = useNamespaceRole(namespace.id)
 * <button disabled={!access.can('deleteHwm')} aria-describedby={reasonId}>Delete…</button>
 * <p id={reasonId}>{access.reason('deleteHwm')}</p>
 * ```
 */
export function useNamespaceRole(namespaceId: number | undefined): NamespaceRoleState {
  const id = namespaceId ?? 0
  const me = useWhoami()
  const ns = useNamespace(id, { enabled: id > 0 })
  const username = me.data?.username
  const admin = me.data !== undefined && 'is_admin' in me.data && me.data.is_admin === true
  const owner = username !== undefined && ns.data !== undefined && ns.data.owned_by === username
  const askServer = id > 0 && me.data !== undefined && ns.data !== undefined && !admin && !owner
  const permissions = useNamespacePermissions(id, { enabled: askServer })
  const mutations = useQueryClient().getMutationCache()
  const { refetch } = permissions
  useEffect(() => {
    if (!askServer) return
    // A write refused with 403 means the role changed since it was learnt (revoked while the page was
    // open): ask again, so the controls follow. Not cancelling lets every control share one request.
    return mutations.subscribe((event) => {
      if (
        event.type === 'updated' &&
        event.action.type === 'error' &&
        event.action.error instanceof PermissionDeniedError
      )
        void refetch({ cancelRefetch: false })
    })
  }, [askServer, mutations, refetch])

  let role: NamespaceRole | undefined
  let isLoading = false
  if (admin) role = 'SUPERADMIN'
  else if (owner) role = 'OWNER'
  else if (id === 0 || me.isError || ns.isError) role = undefined
  else if (!askServer || permissions.isPending) isLoading = true
  else if (permissions.data) role = 'OWNER'
  else if (permissions.error instanceof PermissionDeniedError)
    role = known(permissions.error.actualRole) ? permissions.error.actualRole : 'GUEST'
  // Any other failure (network, 5xx) leaves the role unknown: the controls stay enabled and the
  // server still decides, rather than locking the user out because a lookup failed.

  const can = (action: RoleAction) => !isLoading && (role === undefined || RANK[role] >= RANK[REQUIRED_ROLE[action]])
  const reason = (action: RoleAction, where?: string) => {
    if (isLoading) return CHECKING_ROLE
    if (can(action) || role === undefined) return null
    const place = where ? ` in ${where}` : ''
    return `Needs the ${REQUIRED_ROLE[action].toLowerCase()} role${place}; yours is ${role.toLowerCase()}.`
  }
  return { role, isLoading, can, reason }
}
