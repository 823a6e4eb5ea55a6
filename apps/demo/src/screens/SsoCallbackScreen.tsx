import { OidcError } from '@horizon-ts/core/oidc'
import { useLogin } from '@horizon-ts/react'
import { useEffect, useState } from 'react'
import { Link, useLocation } from 'wouter'
import { Loading } from '../components/Loading'
import { paths, safeNext } from '../lib/routes'
import { useSession } from '../lib/session'
import { finishSso, startSso } from '../lib/sso'
import { useDocumentTitle } from '../lib/use-document-title'

// One callback, one exchange: the code and the transaction are single-use, and React's StrictMode
// runs effects twice in development.
let finishing: { search: string; done: ReturnType<typeof finishSso> } | undefined
const finishOnce = () => {
  if (finishing?.search !== location.search) finishing = { search: location.search, done: finishSso() }
  return finishing.done
}

/** What went wrong, in words; `OidcError`'s code says which check refused the answer. */
function explain(error: unknown): string {
  if (!(error instanceof OidcError)) return error instanceof Error ? error.message : String(error)
  switch (error.code) {
    case 'state_mismatch':
      return 'The answer from the identity provider does not belong to the sign-in this tab started (its state does not match), so it was refused. Start again.'
    case 'nonce_mismatch':
      return 'The identity provider’s ID token was not issued for this sign-in (its nonce does not match), so it was refused. Start again.'
    case 'no_transaction':
      return 'No sign-in was in progress in this tab, or this answer was used already. Start again.'
    default:
      return error.message
  }
}

/**
 * Where the identity provider sends the browser back: the code is exchanged (state, PKCE and the
 * ID token's nonce checked), the token is checked with Horizon, and the user goes where they were.
 */
export function SsoCallbackScreen() {
  useDocumentTitle('Signing in')
  const session = useSession()
  const [, navigate] = useLocation()
  const login = useLogin()
  const [failure, setFailure] = useState<unknown>(null)
  const { mutate } = login
  const { loggedIn } = session
  useEffect(() => {
    let live = true
    finishOnce().then(
      ({ sso, returnTo }) =>
        live &&
        mutate(
          { auth: sso },
          {
            onSuccess: () => {
              loggedIn('sso')
              navigate(safeNext(returnTo), { replace: true })
            },
            onError: setFailure,
          },
        ),
      (error) => live && setFailure(error),
    )
    return () => {
      live = false
    }
  }, [mutate, loggedIn, navigate])
  return (
    <main id="main" className="login-page">
      <div className="login-card stack">
        <h1>Sign in with SSO</h1>
        {failure == null ? (
          <Loading label="Signing you in…" />
        ) : (
          <>
            <div className="notice notice-error" role="alert">
              <p className="notice-title">The sign-in was refused</p>
              <p>{explain(failure)}</p>
            </div>
            <div className="input-row">
              <button
                type="button"
                className="button button-primary"
                onClick={() => startSso(session.mode, paths.namespaces)}
              >
                Sign in with SSO again
              </button>
              <Link href="/login" className="button">
                Back to the login
              </Link>
            </div>
          </>
        )}
      </div>
    </main>
  )
}
