/**
 * `@horizon-ts/core/bff`: a backend-for-frontend session for Horizon on Web-standard `Request` →
 * `Response`. The server logs in and keeps the token; the browser gets an httpOnly cookie and calls
 * Horizon through the server's proxy, which adds `Authorization`. `SessionCookie` is the browser's half.
 * @example
 * ```ts
 * import { HorizonSessions } from '@horizon-ts/core/bff'
 * const sessions = new HorizonSessions({ horizonUrl: 'http://127.0.0.1:8000' })
 * const answer = await sessions.handle(new Request('http://localhost:3000/horizon-api/v1/namespaces/'))
 * ```
 */

export { HorizonSessionsError } from '../bff/errors.js'
export type { HorizonSessionsOptions, ResolvedSessionsOptions } from '../bff/options.js'
export { HorizonSession } from '../bff/session.js'
export { SessionCookie } from '../bff/session-cookie.js'
export { HorizonSessions, type LoginErrorCode } from '../bff/sessions.js'
export { MemorySessionStore, type SessionStore, type StoredSession } from '../bff/store.js'
