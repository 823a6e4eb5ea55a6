/** `POST /v1/auth/token`: the dummy provider's OAuth2 password login; users are created on first login. */
import { issueToken } from '../auth.js'
import { jsonResponse, unauthorized } from '../errors.js'
import type { Route } from '../router.js'
import { userByName } from '../store.js'
import { check } from '../validation.js'

interface LoginForm {
  grant_type?: string | null
  username: string
  password: string
}

export const authRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/auth/token',
    auth: false,
    body: 'form',
    async handle({ runtime, body }) {
      const form = check<LoginForm>('LoginForm', body, 'form')
      // Present but empty is the provider's own check, after the form's.
      if (!form.username || !form.password) throw unauthorized('Missing auth credentials')
      const user = runtime.store.transaction((t) => userByName(t, form.username))
      return jsonResponse(await issueToken(runtime.secret, user.id, runtime.options.tokenTtlSeconds))
    },
  },
]
