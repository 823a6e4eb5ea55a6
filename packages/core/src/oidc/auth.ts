import type { AuthContext, AuthStrategy } from '../transport/types.js'
import type { OidcClient } from './client.js'
import { OidcError } from './errors.js'
import type { IdTokenClaims, OidcTokens } from './tokens.js'

/** Why the tokens are gone: expired without a way to renew, renewal refused, or signed out on purpose. */
export type SignedOutReason = 'expired' | 'refresh_failed' | 'signed_out'

/** Options of `OidcAuth`. */
export interface OidcAuthOptions {
  /** the tokens of a sign-in (`OidcClient.finish`), if signed in */
  tokens?: OidcTokens
  /** the ID token claim naming the Horizon user (default `'preferred_username'`, else `sub`) */
  userClaim?: string
  /** renew this many seconds before the access token expires (default 30; never before half the life of a token just received) */
  skewSeconds?: number
  /** called with the new tokens after every sign-in and renewal, and with undefined once they are gone: persist them here */
  onTokens?: (tokens: OidcTokens | undefined) => void
}

/**
 * An `AuthStrategy` over a provider's tokens: sends `Bearer <access token>`, renews with the
 * refresh token before expiry (one renewal shared by concurrent calls) and after a 401, and
 * reports "signed out" when the tokens expire and cannot be renewed. `OidcLogin` is this plus the
 * browser's sign-in; a server makes one per session from the tokens it keeps.
 * @example
 * ```ts
 * const auth = new OidcAuth(oidc, { tokens: session.tokens, onTokens: (tokens) => { session.tokens = tokens } })
 * const client = new HorizonClient({ baseUrl, auth })
 * ```
 */
export class OidcAuth implements AuthStrategy {
  readonly #client: OidcClient
  readonly #userClaim: string
  readonly #skew: number
  readonly #onTokens: ((tokens: OidcTokens | undefined) => void) | undefined
  readonly #listeners = new Set<(reason: SignedOutReason) => void>()
  #tokens?: OidcTokens
  #header?: string
  /** when to renew, seconds since the epoch */
  #renewAt = Number.POSITIVE_INFINITY
  /** the renewal in flight, shared by every caller */
  #renewal?: Promise<OidcTokens | undefined>

  constructor(client: OidcClient, options: OidcAuthOptions = {}) {
    this.#client = client
    this.#userClaim = options.userClaim ?? 'preferred_username'
    this.#skew = options.skewSeconds ?? 30
    this.#onTokens = options.onTokens
    if (options.tokens) this.#set(options.tokens, false)
  }

  /** The Horizon user: the `userClaim` claim of the ID token, else its `sub`; undefined when signed out. */
  get user(): string | undefined {
    const claims = this.#tokens?.claims
    const named = claims?.[this.#userClaim]
    return typeof named === 'string' && named ? named : claims?.sub
  }

  /** The ID token's claims (name, email … as the scopes allow), when signed in. */
  get claims(): IdTokenClaims | undefined {
    return this.#tokens?.claims
  }

  /** Whether it holds an access token that is not expired, or can be renewed. */
  get signedIn(): boolean {
    const t = this.#tokens
    return t !== undefined && (t.refreshToken !== undefined || t.expiresAt === undefined || t.expiresAt > now())
  }

  /** Seconds since the epoch at which the access token expires, when signed in and the provider said. */
  get expiresAt(): number | undefined {
    return this.#tokens?.expiresAt
  }

  /**
   * Takes the tokens of a sign-in (the app's own `OidcClient.finish`).
   * @example `auth.use(await oidc.finish(transaction, callbackUrl))`
   */
  use(tokens: OidcTokens): void {
    this.#set(tokens, true)
  }

  /**
   * Calls `listener` when the tokens are gone (`'expired'`, `'refresh_failed'`, `'signed_out'`):
   * time to show the sign-in again. Returns the function that stops it.
   * @example `const stop = auth.onSignedOut((reason) => router.navigate('/sign-in'))`
   */
  onSignedOut(listener: (reason: SignedOutReason) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /**
   * `Bearer <access token>`; renews first when the token is about to expire and a refresh token
   * is there. Undefined (the call goes anonymous) when signed out, or once the token has expired
   * and cannot be renewed (then "signed out" is reported). A renewal the provider cannot be
   * reached for keeps a token that is still valid, and fails with `OidcError` once it is not.
   * @example `await auth.header() // 'Bearer eyJ…'`
   */
  header(ctx?: AuthContext): string | undefined | Promise<string | undefined> {
    const t = this.#tokens
    if (!t) return undefined
    const time = now()
    if (time < this.#renewAt) return this.#header
    if (!t.refreshToken) {
      if (t.expiresAt !== undefined && t.expiresAt <= time) {
        this.#clear('expired')
        return undefined
      }
      return this.#header
    }
    return waitFor(this.#renew(), ctx?.signal).then(
      () => this.#header,
      (e: unknown) => {
        // The provider is out of reach: a token still valid is still good.
        const current = this.#tokens
        if (current === t && t.expiresAt !== undefined && t.expiresAt > now()) return this.#header
        throw e
      },
    )
  }

  /**
   * After a 401: renews once with the refresh token (or uses the token another call renewed since
   * `rejected` was sent) and says whether to try again; false without a refresh token.
   * @example `await auth.refresh(undefined, 'Bearer expired') // true when renewed`
   */
  async refresh(ctx?: AuthContext, rejected?: string): Promise<boolean> {
    if (!this.#tokens) return false
    if (rejected !== undefined && this.#header !== rejected) return true
    if (!this.#tokens.refreshToken) return false
    try {
      return (await waitFor(this.#renew(), ctx?.signal)) !== undefined
    } catch (e) {
      if (e instanceof OidcError) return false
      throw e
    }
  }

  /**
   * Forgets the tokens (`HorizonClient.logout()` calls it) and reports `'signed_out'`.
   * @example `auth.reset()`
   */
  reset(): void {
    this.#clear('signed_out')
  }

  /**
   * Forgets the tokens and answers the provider's sign-out URL (to redirect the user to), or
   * undefined when the provider has none.
   * @example `const url = await auth.signOut(); if (url) res.redirect(url.href)`
   */
  async signOut(): Promise<URL | undefined> {
    const idToken = this.#tokens?.idToken
    this.reset()
    return this.#client.endSessionUrl(idToken)
  }

  /**
   * Keeps tokens out of `console.log`, `JSON.stringify` and error reports.
   * @example `JSON.stringify(auth) // '{"type":"OidcAuth","issuer":"https://id.example.com/","user":"alice","signedIn":true}'`
   */
  toJSON(): object {
    return { type: 'OidcAuth', issuer: String(this.#client.options.issuer), user: this.user, signedIn: this.signedIn }
  }

  #set(tokens: OidcTokens, fresh: boolean): void {
    this.#tokens = tokens
    this.#header = `Bearer ${tokens.accessToken}`
    const { expiresAt } = tokens
    // Renew `skew` seconds early, but never sooner than halfway through a short-lived token just
    // received (given tokens may be old: their life is unknown, the skew applies).
    const early = fresh && expiresAt !== undefined ? Math.min(this.#skew, (expiresAt - now()) / 2) : this.#skew
    this.#renewAt = expiresAt === undefined ? Number.POSITIVE_INFINITY : expiresAt - early
    if (fresh) this.#onTokens?.(tokens)
  }

  #clear(reason: SignedOutReason): void {
    if (!this.#tokens) return
    this.#tokens = undefined
    this.#header = undefined
    this.#renewAt = Number.POSITIVE_INFINITY
    this.#onTokens?.(undefined)
    for (const listener of [...this.#listeners]) listener(reason)
  }

  /** One renewal for every caller: the new tokens, or undefined when the provider refused (signed out). */
  #renew(): Promise<OidcTokens | undefined> {
    const t = this.#tokens
    if (this.#renewal) return this.#renewal
    if (!t?.refreshToken) return Promise.resolve(undefined)
    const renewal = this.#client
      .refresh(t.refreshToken, t)
      .then(
        (fresh) => {
          if (this.#tokens !== t) return undefined // signed out (or in anew) meanwhile: not ours
          this.#set(fresh, true)
          return fresh
        },
        (e: unknown) => {
          // The provider refused the refresh token (expired, revoked): these tokens are done. A
          // provider out of reach or failing (5xx) may answer the next time: keep them.
          if (e instanceof OidcError && e.code === 'token_failed' && (e.status === undefined || e.status < 500)) {
            if (this.#tokens === t) this.#clear('refresh_failed')
            return undefined
          }
          throw e
        },
      )
      .finally(() => {
        if (this.#renewal === renewal) this.#renewal = undefined
      })
    renewal.catch(() => {}) // settled by someone even when every caller left
    this.#renewal = renewal
    return renewal
  }
}

const now = (): number => Date.now() / 1000

/** `promise`, or the signal's reason once it aborts first: one caller leaving does not cancel the shared work. */
function waitFor<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason)
    signal.addEventListener('abort', abort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
  })
}
