/** `GET /v1/users/me`: the current user; `is_admin: true` only for a superadmin, absent otherwise. */
import type { WhoamiResponseV1 } from '@horizon-ts/core'
import { jsonResponse } from '../errors.js'
import type { Route } from '../router.js'

export const userRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/users/me',
    auth: true,
    handle({ user, superadmin }) {
      const body: WhoamiResponseV1 = superadmin
        ? { id: user.id, username: user.username, is_admin: true }
        : { id: user.id, username: user.username }
      return jsonResponse(body)
    },
  },
]
