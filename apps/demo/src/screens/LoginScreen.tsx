import { Redirect, useSearchParams } from 'wouter'
import { ServerStatus } from '../components/ServerStatus'
import { safeNext } from '../lib/routes'
import { useSession } from '../lib/session'
import { useDocumentTitle } from '../lib/use-document-title'
import { ServerForm } from './login/ServerForm'
import { SignInForms } from './login/SignInForms'
import { SsoButton } from './login/SsoButton'

const LOGIN_REFUSALS: Record<string, string | undefined> = {
  invalid_credentials: 'Wrong username, password or token.',
  missing_credentials: 'Give a username and a password, or a token.',
  unavailable: 'Horizon could not be reached. Try again in a moment.',
  bad_request: 'The login could not be read. Try again.',
  sso_state_mismatch:
    'The answer from the identity provider does not belong to a sign-in this browser started (its state does not match), so it was refused. Start again.',
  sso_nonce_mismatch:
    'The identity provider’s ID token was not issued for this sign-in (its nonce does not match), so it was refused. Start again.',
  sso_no_transaction: 'No SSO sign-in was in progress, or its answer was used already. Start again.',
  sso_provider_error: 'The identity provider refused the sign-in.',
  sso_failed: 'The sign-in with SSO failed. Try again.',
}

/**
 * Where every session starts: the server to use, then a password or a pasted token. After an
 * expiry it says so, and logging in returns to the page the user was on (`next`).
 */
export function LoginScreen() {
  const session = useSession()
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const expired = params.get('reason') === 'expired'
  // A form the SSR server refused before the page was hydrated comes back with `?error=`.
  const refused = LOGIN_REFUSALS[params.get('error') ?? '']
  useDocumentTitle('Log in')
  if (session.signedIn) return <Redirect to={next} replace />
  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div>
            <h1>Horizon admin</h1>
            <p className="muted">Inspect and fix high-water marks</p>
          </div>
        </div>
        {expired && (
          <div className="notice notice-warning" role="alert">
            <p className="notice-title">Your session has expired</p>
            <p>
              Log in again to go back to <code>{next}</code>.
            </p>
          </div>
        )}
        {!expired && params.get('next') && (
          <p className="notice notice-info">
            Log in to open <code>{next}</code>.
          </p>
        )}
        {refused && (
          <div className="notice notice-error" role="alert">
            <p className="notice-title">Could not log in</p>
            <p>{refused}</p>
          </div>
        )}
        {session.sso && <SsoButton next={next} resume={!expired} />}
        <SignInForms />
        {/* With a server-held session, the SSR server decides which Horizon it talks to. */}
        {session.mode === 'browser' ? <ServerForm /> : <ServerStatus baseUrl={session.baseUrl} />}
      </div>
    </main>
  )
}
