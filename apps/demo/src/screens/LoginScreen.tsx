import { Redirect, useSearchParams } from 'wouter'
import { safeNext } from '../lib/routes'
import { useSession } from '../lib/session'
import { useDocumentTitle } from '../lib/use-document-title'
import { ServerForm } from './login/ServerForm'
import { SignInForms } from './login/SignInForms'

/**
 * Where every session starts: the server to use, then a password or a pasted token. After an
 * expiry it says so, and logging in returns to the page the user was on (`next`).
 */
export function LoginScreen() {
  const session = useSession()
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const expired = params.get('reason') === 'expired'
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
        <SignInForms />
        <ServerForm />
      </div>
    </main>
  )
}
