import { useState } from 'react'
import { PasswordForm } from './PasswordForm'
import { TokenForm } from './TokenForm'

type Method = 'password' | 'token'

/** Two ways in: login and password (renewed automatically), or a token pasted from elsewhere. */
export function SignInForms() {
  const [method, setMethod] = useState<Method>('password')
  return (
    <section aria-labelledby="sign-in-title" className="stack">
      <h2 id="sign-in-title" className="visually-hidden">
        Sign in
      </h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">Sign in with</legend>
        <button type="button" aria-pressed={method === 'password'} onClick={() => setMethod('password')}>
          Password
        </button>
        <button type="button" aria-pressed={method === 'token'} onClick={() => setMethod('token')}>
          Access token
        </button>
      </fieldset>
      {method === 'password' ? <PasswordForm /> : <TokenForm />}
    </section>
  )
}
