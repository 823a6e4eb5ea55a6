import type { AuthStrategy } from '../transport/types.js'

/**
 * The browser's auth when a Horizon session lives on the server (`HorizonSessions`): it sends no
 * header, since the httpOnly session cookie travels by itself on same-origin requests, and it
 * names the user, so the query cache is scoped as the server-rendered page's was.
 * @example
 * ```ts
 * const client = new HorizonClient({ baseUrl: new URL('/horizon-api', location.href).href, auth: new SessionCookie('alice') })
 * ```
 */
export class SessionCookie implements AuthStrategy {
  /** the session's user, as the server told the page (`session.user`) */
  readonly user: string

  constructor(user: string) {
    this.user = user
  }

  /** No header: the cookie is the credential. @example `new SessionCookie('alice').header() // undefined` */
  header(): undefined {
    return undefined
  }

  /**
   * False: only a new login (a new cookie) helps after a 401, so the call fails and the page goes back to login.
   * @example `new SessionCookie('alice').refresh() // false`
   */
  refresh(): boolean {
    return false
  }

  /** `{ type: 'SessionCookie', user }`. @example `JSON.stringify(new SessionCookie('alice'))` */
  toJSON(): object {
    return { type: 'SessionCookie', user: this.user }
  }
}
