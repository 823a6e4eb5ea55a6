import type { PermissionResponseItemV1 } from '@horizon-ts/core'
import { RoleBadge } from '../../../components/RoleBadge'
import { useAnnounce } from '../../../lib/announcer'
import { GRANTABLE, type GrantableRole, type PermissionsUpdate } from './types'

interface Props {
  permissions: PermissionResponseItemV1[]
  namespaceId: number
  update: PermissionsUpdate
  onTransfer: (username: string) => void
}

/** One row per user: the owner first, then roles that can be changed in place, made owner or removed. */
export function PermissionsTable({ permissions, namespaceId, update, onTransfer }: Props) {
  const announce = useAnnounce()
  const change = (username: string, role: GrantableRole | null) =>
    update.mutate([namespaceId, { permissions: [{ username, role }] }], {
      onSuccess: () => announce(role ? `${username} is now ${role.toLowerCase()}` : `${username} no longer has a role`),
    })
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Users and their roles</caption>
        <thead>
          <tr>
            <th scope="col" className="col-user">
              User
            </th>
            <th scope="col">Role</th>
            <th scope="col" className="col-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {permissions.map(({ username, role }) => (
            <tr key={username}>
              <th scope="row" className="cell-user">
                {username}
              </th>
              <td>
                {role === 'OWNER' ? (
                  <RoleBadge roleName="OWNER" />
                ) : (
                  <select
                    aria-label={`Role of ${username}`}
                    value={role}
                    disabled={update.isPending}
                    onChange={(e) => change(username, e.target.value as GrantableRole)}
                  >
                    {GRANTABLE.map((r) => (
                      <option key={r} value={r}>
                        {r === 'DEVELOPER' ? 'Developer' : 'Maintainer'}
                      </option>
                    ))}
                  </select>
                )}
              </td>
              <td className="cell-actions">
                {role !== 'OWNER' && (
                  <div className="row-actions">
                    <button type="button" className="button-ghost button-small" onClick={() => onTransfer(username)}>
                      Make owner<span className="visually-hidden"> ({username})</span>
                    </button>
                    <button
                      type="button"
                      className="button-ghost button-small button-danger-text"
                      disabled={update.isPending}
                      onClick={() => change(username, null)}
                    >
                      Remove<span className="visually-hidden"> {username}</span>
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
