import { useLogin } from '@horizon-ts/react'
import { useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { DEMO_USERS } from '../../lib/config'
import { useSession } from '../../lib/session'
import { readPref, writePref } from '../../lib/storage'

/**
 * Login and password through `useLogin`. On the dev server any password works, so the demo users
 * are offered as one-click fills (their password is their name).
 */
export function PasswordForm() {
  const session = useSession()
  const [username, setUsername] = useState(() => readPref('username') ?? DEMO_USERS[0] ?? '')
  const [password, setPassword] = useState(() => (DEMO_USERS.includes(username) ? username : ''))
  const login = useLogin({
    onSuccess: () => {
      writePref('username', username)
      session.loggedIn('password')
    },
  })
  return (
    <form
      className="stack"
      aria-label="Log in with a password"
      onSubmit={(e) => {
        e.preventDefault()
        login.mutate({ login: username.trim(), password })
      }}
    >
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
      {login.error && <ErrorNotice error={login.error} context="Could not log in" />}
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
