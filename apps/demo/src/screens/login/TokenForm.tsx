import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { useSession } from '../../lib/session'

/**
 * A bearer token pasted from elsewhere (Swagger, a script, an SSO tool). It is checked with a
 * whoami before the session starts. It cannot be renewed: when it expires, the app asks again.
 */
export function TokenForm() {
  const session = useSession()
  const [token, setToken] = useState('')
  const signIn = useMutation({ mutationFn: (t: string) => session.signInWithToken(t) })
  return (
    <form
      className="stack"
      aria-label="Log in with an access token"
      onSubmit={(e) => {
        e.preventDefault()
        signIn.mutate(token)
      }}
    >
      <Field label="Access token" hint="The JWT from POST /v1/auth/token, without “Bearer”. Kept in memory only.">
        <textarea
          className="code-input"
          rows={4}
          required
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
      </Field>
      {signIn.error && <ErrorNotice error={signIn.error} context="Could not use this token" />}
      <button type="submit" className="button button-primary button-block" disabled={signIn.isPending}>
        {signIn.isPending ? 'Checking…' : 'Use token'}
      </button>
    </form>
  )
}
