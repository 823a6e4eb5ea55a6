/** `GET /v1/users/me`: the current user; `is_admin: true` only for a superadmin, absent otherwise. */
import type { Handlers } from '../handler-types.js'

export const userHandlers = {
  whoami: ({ user, superadmin }) =>
    superadmin ? { id: user.id, username: user.username, is_admin: true } : { id: user.id, username: user.username },
} satisfies Partial<Handlers>
