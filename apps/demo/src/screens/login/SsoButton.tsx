import { useEffect, useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useSession } from '../../lib/session'
import { ssoResumable, startSso } from '../../lib/sso'

/**
 * "Sign in with SSO": to the identity provider and back. In the browser the tokens stay in memory,
 * so after a reload this goes through the provider again by itself (its session answers at once);
 * with a server-held session the Node server runs the flow and keeps the tokens.
 */
export function SsoButton({ next, resume }: { next: string; resume: boolean }) {
  const session = useSession()
  const [error, setError] = useState<unknown>(null)
  const [going, setGoing] = useState(false)
  const go = () => {
    setGoing(true)
    startSso(session.mode, next).catch((e) => {
      setGoing(false)
      setError(e)
    })
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the screen opens
  useEffect(() => {
    if (resume && session.mode === 'browser' && ssoResumable()) go()
  }, [])
  return (
    <div className="stack">
      <button type="button" className="button button-block" onClick={go} disabled={going}>
        {going ? 'Going to the identity provider…' : 'Sign in with SSO'}
      </button>
      {error != null && <ErrorNotice error={error} context="Could not reach the identity provider" />}
    </div>
  )
}
