import { BearerToken, decodeJwtClaims } from '../transport/auth.js'
import type { AuthContext, AuthStrategy } from '../transport/types.js'
import { AuthorizationError } from './errors.js'
import { requests } from './request-loader.js'

/** A login in flight: the token's header, its own controller, how many calls wait for it. */
interface SharedLogin {
  header: Promise<string>
  controller: AbortController
  waiting: number
}

/**
 * OAuth2 password login on `/v1/auth/token`. The token lives in memory only; it is renewed
 * before `expires_at` (less `skewSeconds`) and once after a 401. Concurrent calls share one login.
 * @example
 * ```ts
 * const client = new HorizonClient({ baseUrl, auth: new LoginPassword({ login: 'me', password: '12345' }) })
 * await client.authorize()
 * ```
 */
export class LoginPassword implements AuthStrategy {
  /** the user name it logs in with */
  readonly login: string
  readonly #password: string
  readonly #skew: number
  #token?: { header: string; expiresAt: number; renewAt: number }
  /** The login in flight, shared by every call that waits for a token. */
  #pending?: SharedLogin

  constructor(options: { login: string; password: string; skewSeconds?: number }) {
    this.login = options.login
    this.#password = options.password
    this.#skew = options.skewSeconds ?? 30
  }

  /** The login: the user these credentials belong to. */
  get user(): string {
    return this.login
  }

  /** Seconds since the epoch at which the current token expires, if logged in. */
  get expiresAt(): number | undefined {
    return this.#token?.expiresAt
  }

  /**
   * The current token's header; logs in first (one login shared by concurrent calls) when there
   * is none or it is about to expire.
   * @example `await auth.header({ send: (spec) => transport.send(spec).then((r) => r.data as never) })`
   */
  header(ctx: AuthContext): string | Promise<string> {
    const t = this.#token
    return t && t.renewAt > Date.now() / 1000 ? t.header : this.#login(ctx)
  }

  /**
   * After a 401: logs in again, unless another call already did since `rejected` was sent.
   * @example `await auth.refresh(ctx, 'Bearer expired') // true`
   */
  async refresh(ctx: AuthContext, rejected?: string): Promise<boolean> {
    // Another call may have logged in again already: retry with that token.
    if (!this.#token || this.#token.header === rejected) this.#token = undefined
    await this.header(ctx)
    return true
  }

  /**
   * Forgets the token: the next call logs in again.
   * @example `auth.reset()`
   */
  reset(): void {
    this.#token = undefined
  }

  #login(ctx: AuthContext): Promise<string> {
    if (ctx.signal?.aborted) return Promise.reject(ctx.signal.reason)
    let pending = this.#pending
    if (!pending) {
      // The login runs under its own signal: one caller's abort must not fail the others.
      const controller = new AbortController()
      const send = async () => {
        const { toSpec, checkTokenAnswer } = requests.now() ?? (await requests.load())
        return checkTokenAnswer(
          await ctx.send(toSpec('login', [this.login, this.#password]), { signal: controller.signal }),
        )
      }
      const header = send()
        .then((t) => {
          // Renew `skew` seconds early, but never sooner than halfway through a short-lived token.
          const now = Date.now() / 1000
          const renewAt = t.expires_at - Math.min(this.#skew, (t.expires_at - now) / 2)
          this.#token = { header: `Bearer ${t.access_token}`, expiresAt: t.expires_at, renewAt }
          return this.#token.header
        })
        .finally(() => {
          if (this.#pending === pending) this.#pending = undefined
        })
      // A login every caller left is still settled by someone.
      header.catch(() => {})
      pending = { header, controller, waiting: 0 }
      this.#pending = pending
    }
    return this.#wait(pending, ctx.signal)
  }

  /** Waits for the shared login, or rejects when `signal` aborts; the last to leave cancels it. */
  #wait(pending: SharedLogin, signal: AbortSignal | undefined): Promise<string> {
    pending.waiting++
    if (!signal) return pending.header
    return new Promise((resolve, reject) => {
      const leave = () => {
        signal.removeEventListener('abort', abort)
        pending.waiting--
      }
      const abort = () => {
        leave()
        reject(signal.reason)
        if (pending.waiting === 0) {
          pending.controller.abort(signal.reason)
          if (this.#pending === pending) this.#pending = undefined
        }
      }
      signal.addEventListener('abort', abort, { once: true })
      pending.header.then(
        (h) => {
          leave()
          resolve(h)
        },
        (e: unknown) => {
          leave()
          reject(e)
        },
      )
    })
  }

  /**
   * Keeps the password out of logs and serialised state.
   * @example `JSON.stringify(auth) // '{"type":"LoginPassword","login":"me"}'`
   */
  toJSON(): object {
    return { type: 'LoginPassword', login: this.login }
  }
}

/**
 * A given JWT, sent as a bearer token. Its `exp` is read (not verified) at construction: a
 * token without `exp` or already expired is refused with `AuthorizationError`, as the Python
 * client does; once it expires, calls fail with `AuthorizationError` before sending.
 * @example
 * ```ts
 * new HorizonClient({ baseUrl, auth: new AccessToken(tokenFromSomewhere) })
 * ```
 */
export class AccessToken extends BearerToken {
  /** `exp` claim, seconds since the epoch */
  readonly expiresAt: number
  /** the token's `user_id` claim, as a string: whose token it is */
  readonly user?: string

  constructor(token: string) {
    super(token)
    const claims = decodeJwtClaims(token)
    const exp = claims?.exp
    if (claims?.user_id !== undefined) this.user = `id:${claims.user_id}`
    if (typeof exp !== 'number') throw new AuthorizationError('Missing expiration time in token')
    this.expiresAt = exp
    this.#check()
  }

  /**
   * `Bearer <token>`; throws `AuthorizationError` once the token has expired.
   * @example `new AccessToken(jwt).header() // 'Bearer eyJ…'`
   */
  override header(): string | undefined | Promise<string | undefined> {
    this.#check()
    return super.header()
  }

  /**
   * Always false: a given token cannot be renewed, so a 401 fails the call.
   * @example `new AccessToken(jwt).refresh() // false`
   */
  override refresh(): boolean {
    return false
  }

  #check(): void {
    if (this.expiresAt <= Date.now() / 1000) throw new AuthorizationError('Access token is expired')
  }
}
