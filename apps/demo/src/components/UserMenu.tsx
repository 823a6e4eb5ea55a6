import { useLogout, useWhoami } from '@horizon-ts/react'
import { useSession } from '../lib/session'

/** Who is signed in (with the superadmin badge) and the way out. */
export function UserMenu() {
  const session = useSession()
  const me = useWhoami()
  const logout = useLogout({ onSuccess: () => session.signedOut('signed-out') })
  return (
    <div className="user-menu">
      <span className="user-name">
        <span className="visually-hidden">Signed in as </span>
        {me.data ? me.data.username : me.isError ? 'unknown user' : '…'}
      </span>
      {me.data && 'is_admin' in me.data && me.data.is_admin && <span className="badge badge-admin">superadmin</span>}
      {session.method === 'token' && <span className="badge">token</span>}
      <button
        type="button"
        className="button-ghost button-small"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
      >
        Log out
      </button>
    </div>
  )
}
