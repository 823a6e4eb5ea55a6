import type { HorizonClient } from '../horizon/client.js'
import type { AuthStrategy } from '../transport/types.js'
import type { StoredSession } from './store.js'

const inspect = Symbol.for('nodejs.util.inspect.custom')

/**
 * A logged-in browser session, as `HorizonSessions.session(request)` answers it. `JSON.stringify`
 * and `console.log` show its user only: never its id, token or password.
 * @example
 * ```ts
 * const session = await sessions.session(request)
 * if (session) console.log(session.user, await session.client.whoami())
 * ```
 */
export class HorizonSession {
  readonly #key: string
  readonly #stored: StoredSession
  readonly #client: HorizonClient

  constructor(key: string, stored: StoredSession, client: HorizonClient) {
    this.#key = key
    this.#stored = stored
    this.#client = client
  }

  /** The session's store key: the SHA-256 of the cookie's id, which cannot be sent back as a cookie. @example `log(session.id)` */
  get id(): string {
    return this.#key
  }

  /** The Horizon user name. @example `session.user // 'alice'` */
  get user(): string {
    return this.#stored.user
  }

  /** The strategy that holds the session's Horizon token. @example `session.auth.user` */
  get auth(): AuthStrategy {
    return this.#stored.auth
  }

  /** Milliseconds since the epoch when the session ends unless used again. @example `new Date(session.expiresAt)` */
  get expiresAt(): number {
    return this.#stored.expiresAt
  }

  /**
   * A client straight to Horizon with the session's auth, for server code (route handlers, actions).
   * @example `await session.client.createNamespace({ name: 'etl' })`
   */
  get client(): HorizonClient {
    return this.#client
  }

  /** `{ user }`. @example `JSON.stringify(session) // '{"user":"alice"}'` */
  toJSON(): { user: string } {
    return { user: this.user }
  }

  /** What Node's `util.inspect` (hence `console.log`) prints: the user only. @example `console.log(session)` */
  [inspect](): string {
    return `HorizonSession { user: ${JSON.stringify(this.user)} }`
  }
}
