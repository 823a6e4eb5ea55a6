import { BearerToken, decodeJwtClaims } from '../transport/auth.js'
import type { AuthContext, AuthStrategy } from '../transport/types.js'
import { AuthorizationError } from './errors.js'
import { requests } from './request-loader.js'
import type { LoginState } from './shared-login.js'

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
  /** the token, and the login in flight shared by every call that waits for one */
  readonly #state: LoginState = {}

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
    return this.#state.token?.expiresAt
  }

  /**
   * The current token's header; logs in first (one login shared by concurrent calls) when there
   * is none or it is about to expire.
   * @example `await auth.header({ send: (spec) => transport.send(spec).then((r) => r.data as never) })`
   */
  header(ctx: AuthContext): string | Promise<string> {
    const t = this.#state.token
    return t && t.renewAt > Date.now() / 1000 ? t.header : this.#login(ctx)
  }

  /**
   * After a 401: logs in again, unless another call already did since `rejected` was sent.
   * @example `await auth.refresh(ctx, 'Bearer expired') // true`
   */
  async refresh(ctx: AuthContext, rejected?: string): Promise<boolean> {
    // Another call may have logged in again already: retry with that token.
    if (this.#state.token?.header === rejected) this.#state.token = undefined
    await this.header(ctx)
    return true
  }

  /**
   * Forgets the token: the next call logs in again.
   * @example `auth.reset()`
   */
  reset(): void {
    this.#state.token = undefined
  }

  #login(ctx: AuthContext): Promise<string> {
    return requests.with((r) => r.shareLogin(this.#state, ctx, [this.login, this.#password], this.#skew))
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
