/** `POST /v1/auth/token`: the dummy provider's OAuth2 password login; users are created on first login. */
import { unauthorized } from '../errors.js'
import type { Handlers } from '../handler-types.js'
import { userByName } from '../store.js'

export const authHandlers = {
  async login({ body, store, issueToken }) {
    // Present but empty is the provider's own check, after the form's.
    if (!body.username || !body.password) throw unauthorized('Missing auth credentials')
    const user = store.transaction((t) => userByName(t, body.username))
    return issueToken(user.id)
  },
} satisfies Partial<Handlers>
