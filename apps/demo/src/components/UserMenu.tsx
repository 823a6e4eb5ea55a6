import { useLogout, useWhoami } from '@horizon-ts/react'
import { useState } from 'react'
import { useSession } from '../lib/session'
import { endSso } from '../lib/sso'

/** Who is signed in (with the superadmin badge) and the way out. */
export function UserMenu() {
  const session = useSession()
  const me = useWhoami()
  const logout = useLogout({ onSuccess: () => session.signedOut('signed-out') })
  const [leaving, setLeaving] = useState(false)
  // An SSO session also ends at the identity provider, whose sign-out page comes back to the login.
  const signOut = () => {
    if (session.method !== 'sso') return logout.mutate()
    setLeaving(true)
    endSso(session.mode).catch(() => logout.mutate())
  }
  return (
    <div className="user-menu">
      <span className="user-name">
        <span className="visually-hidden">Signed in as </span>
        {me.data ? me.data.username : me.isError ? 'unknown user' : '…'}
      </span>
      {me.data && 'is_admin' in me.data && me.data.is_admin && <span className="badge badge-admin">superadmin</span>}
      {session.method === 'token' && <span className="badge">token</span>}
      {session.method === 'sso' && <span className="badge">SSO</span>}
      <button
        type="button"
        className="button-ghost button-small"
        onClick={signOut}
        disabled={logout.isPending || leaving}
      >
        Log out
      </button>
    </div>
  )
}
