import { useLogout } from '@horizon-ts/react'
import { useEffect, useRef } from 'react'
import { authLost } from '../lib/auth-events'
import { useSession } from '../lib/session'

/**
 * Ends the session when Horizon answers 401 to anything (the token expired or was revoked):
 * `useLogout` drops the user's cache, then the route guard sends them to the login screen with
 * the current route as `next`, so logging in again brings them back where they were.
 */
export function SessionWatcher() {
  const session = useSession()
  const { mutate: logout } = useLogout()
  const leaving = useRef(false)
  const { signedIn, signedOut } = session
  useEffect(() => {
    if (!signedIn) {
      leaving.current = false
      return
    }
    const onLost = () => {
      // Several queries fail together when a token expires: leave once.
      if (leaving.current) return
      leaving.current = true
      logout(undefined, { onSettled: () => signedOut('expired') })
    }
    authLost.addEventListener('lost', onLost)
    return () => authLost.removeEventListener('lost', onLost)
  }, [signedIn, signedOut, logout])
  return null
}
