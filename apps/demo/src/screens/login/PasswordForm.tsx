import { useState } from 'react'
import { useSearchParams } from 'wouter'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { DEMO_USERS } from '../../lib/config'
import { safeNext } from '../../lib/routes'
import { SESSION_PATHS } from '../../lib/server-session'
import { useSession } from '../../lib/session'
import { readPref, writePref } from '../../lib/storage'
import { useSignIn } from '../../lib/use-sign-in'

/**
 * Login and password, through the page's client or the SSR server (`useSignIn`). On the dev server any password works, so the demo users
 * are offered as one-click fills (their password is their name).
 */
export function PasswordForm() {
  const [username, setUsername] = useState(() => readPref('username') ?? DEMO_USERS[0] ?? '')
  const [password, setPassword] = useState(() => (DEMO_USERS.includes(username) ? username : ''))
  const login = useSignIn()
  const serverSession = useSession().mode === 'server-session'
  const [params] = useSearchParams()
  return (
    <form
      className="stack"
      aria-label="Log in with a password"
      // Server-held session: before the page is hydrated the browser posts the form to the server
      // itself (never as a GET, which would put the password in the URL).
      {...(serverSession ? { method: 'post', action: SESSION_PATHS.login } : {})}
      onSubmit={(e) => {
        e.preventDefault()
        login.mutate({ username: username.trim(), password }, (user) => writePref('username', user))
      }}
    >
      {serverSession && <input type="hidden" name="next" value={safeNext(params.get('next'))} />}
      <Field label="Username">
        <input
          type="text"
          name="username"
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </Field>
      <Field label="Password">
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      {login.error != null && <ErrorNotice error={login.error} context="Could not log in" />}
      <button type="submit" className="button button-primary button-block" disabled={login.isPending}>
        {login.isPending ? 'Logging in…' : 'Log in'}
      </button>
      {DEMO_USERS.length > 0 && (
        <div className="demo-users">
          <span className="muted">Demo users:</span>
          {DEMO_USERS.map((name) => (
            <button
              key={name}
              type="button"
              className="chip"
              aria-pressed={username === name}
              onClick={() => {
                setUsername(name)
                setPassword(name)
              }}
            >
              {name}
            </button>
          ))}
        </div>
      )}
    </form>
  )
}
