import { AccessToken } from '@horizon-ts/core'
import { useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { useSession } from '../../lib/session'
import { writePref } from '../../lib/storage'
import { useSignIn } from '../../lib/use-sign-in'

/**
 * A bearer token pasted from elsewhere (Swagger, a script, an SSO tool), through `useSignIn`:
 * checked with a whoami before the session starts. It cannot be renewed: when it expires, the app asks again.
 */
export function TokenForm() {
  const [token, setToken] = useState('')
  // AccessToken refuses a token that is malformed or already expired, before any request.
  const [refused, setRefused] = useState<unknown>(null)
  const login = useSignIn()
  const kept =
    useSession().mode === 'server-session' ? 'Kept by this server, never in the page.' : 'Kept in memory only.'
  const error = refused ?? login.error
  // Pasted as a header value ("Bearer eyJ…", maybe over several lines): the token is what follows.
  const jwt = token
    .trim()
    .replace(/^bearer\s+/i, '')
    .trim()
  return (
    <form
      className="stack"
      aria-label="Log in with an access token"
      onSubmit={(e) => {
        e.preventDefault()
        login.reset()
        try {
          new AccessToken(jwt)
        } catch (err) {
          return setRefused(err)
        }
        setRefused(null)
        // Remembered (not the token) so that the login form after an expiry names the same user.
        login.mutate({ token: jwt }, (user) => writePref('username', user))
      }}
    >
      <Field label="Access token" hint={`The JWT from POST /v1/auth/token (a leading “Bearer” is fine). ${kept}`}>
        <textarea
          className="code-input"
          rows={4}
          required
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
      </Field>
      {error != null && <ErrorNotice error={error} context="Could not use this token" />}
      <button type="submit" className="button button-primary button-block" disabled={login.isPending}>
        {login.isPending ? 'Checking…' : 'Use token'}
      </button>
    </form>
  )
}
