import type { AuthStrategy } from '../transport/types.js'

/**
 * What a session store keeps under a session's key: the user, the auth strategy that holds the
 * Horizon token (and, for a password login, the credentials to log in again) and when it expires.
 * The strategy is a live object: a store that leaves the process must rebuild it.
 */
export interface StoredSession {
  /** the Horizon user name the session belongs to */
  readonly user: string
  /** sends the session's `Authorization` to Horizon */
  readonly auth: AuthStrategy
  /** milliseconds since the epoch after which the session is gone; moved on as it is used */
  expiresAt: number
}

/**
 * Where sessions live, keyed by the SHA-256 of their id (never the id itself). Every method may
 * answer a promise.
 * @example
 * ```ts
 * const map = new Map<string, StoredSession>()
 * const store: SessionStore = { get: (k) => map.get(k), set: (k, s) => void map.set(k, s), delete: (k) => void map.delete(k) }
 * ```
 */
export interface SessionStore {
  /** the session under `key`, if any (an expired one may be answered: the caller checks `expiresAt`) */
  get(key: string): StoredSession | undefined | Promise<StoredSession | undefined>
  /** keeps `session` under `key`; `maxAgeSeconds` is its idle lifetime, for stores that expire entries */
  set(key: string, session: StoredSession, maxAgeSeconds: number): void | Promise<void>
  /** forgets the session under `key` */
  delete(key: string): void | Promise<void>
}

/** How many writes between two sweeps of expired sessions. */
const SWEEP_EVERY = 100

/**
 * The default store: a `Map` in this process. Sessions end when the process does; expired ones
 * are dropped as they are read and swept every hundred writes.
 * @example `new HorizonSessions({ horizonUrl, store: new MemorySessionStore() })`
 */
export class MemorySessionStore implements SessionStore {
  readonly #sessions = new Map<string, StoredSession>()
  #writes = 0

  /** How many sessions it holds, expired ones not yet swept included. @example `store.size // 2` */
  get size(): number {
    return this.#sessions.size
  }

  /** The live session under `key`. @example `store.get(key)?.user` */
  get(key: string): StoredSession | undefined {
    const session = this.#sessions.get(key)
    if (session && session.expiresAt <= Date.now()) {
      this.#sessions.delete(key)
      return undefined
    }
    return session
  }

  /** Keeps `session` under `key`. @example `store.set(key, session, 3600)` */
  set(key: string, session: StoredSession): void {
    if (++this.#writes % SWEEP_EVERY === 0) {
      const now = Date.now()
      for (const [k, s] of this.#sessions) if (s.expiresAt <= now) this.#sessions.delete(k)
    }
    this.#sessions.set(key, session)
  }

  /** Forgets the session under `key`. @example `store.delete(key)` */
  delete(key: string): void {
    this.#sessions.delete(key)
  }
}
