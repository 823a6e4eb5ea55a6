import type { HorizonClient } from '../horizon/client.js'

/**
 * Who the cached data belongs to: the server (base URL, trailing slashes dropped) and the user.
 * `user` is the strategy's `user` when it names one (`LoginPassword` by its login, `AccessToken`
 * by its `user_id` claim), `null` without auth,
 * and otherwise a number unique to that auth strategy object, so that two unnamed tokens never
 * share entries. The scope is part of every key: two servers or two users never share the cache.
 */
export interface HorizonScope {
  baseUrl: string
  user: string | number | null
}

/** The part of a client the scope is read from. */
export type ScopeSource = Pick<HorizonClient, 'options'>

// Strategies that do not name their user get a process-local number: safe (never shared), but
// not stable across processes, so SSR hydration only matches for strategies that expose `user`.
const ids = new WeakMap<object, number>()
let lastId = 0

/**
 * The scope of a client's cache entries, read now (a login changes it).
 * @example
 * ```ts
 * horizonScope(new HorizonClient({ baseUrl: 'http://h/', auth: new LoginPassword({ login: 'me', password: 'x' }) }))
 * // { baseUrl: 'http://h', user: 'me' }
 * ```
 */
export function horizonScope(client: ScopeSource): HorizonScope {
  const { baseUrl, auth } = client.options
  let user: HorizonScope['user'] = null
  if (typeof auth?.user === 'string') user = auth.user
  else if (auth) {
    user = ids.get(auth) ?? ++lastId
    ids.set(auth, user)
  }
  return { baseUrl: baseUrl.replace(/\/+$/, ''), user }
}
