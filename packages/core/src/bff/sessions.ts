import { LoginPassword } from '../horizon/auth.js'
import { HorizonClient } from '../horizon/client.js'
import { HorizonError } from '../horizon/errors.js'
import { BearerToken } from '../transport/auth.js'
import type { AuthStrategy } from '../transport/types.js'
import { type CookieAttributes, clearedCookie, readCookie, sessionCookie } from './cookie.js'
import { isFormPost, type LoginFields, readLoginFields } from './login-body.js'
import { sameOriginPath } from './next-path.js'
import { type HorizonSessionsOptions, type ResolvedSessionsOptions, resolveSessionsOptions } from './options.js'
import { isSameSite } from './origin.js'
import { forward, isTokenRoute } from './proxy.js'
import { envelope, json, noContent, postOnly, seeOther } from './responses.js'
import { HorizonSession } from './session.js'
import { isSessionId, newSessionId, storeKeyOf } from './session-id.js'
import { directFetch, SessionAuth } from './ssr-client.js'
import type { StoredSession } from './store.js'

/** Why a login failed, as `?error=` of the login page and `error.code` of the JSON answer tells. */
export type LoginErrorCode = 'missing_credentials' | 'invalid_credentials' | 'bad_request' | 'unavailable'

const LOGIN_ERRORS: Record<LoginErrorCode, { status: number; message: string }> = {
  missing_credentials: { status: 400, message: 'Give a username and a password, or a token' },
  invalid_credentials: { status: 401, message: 'Wrong username, password or token' },
  bad_request: { status: 400, message: 'The login request is neither a form nor a JSON object' },
  unavailable: { status: 502, message: 'Horizon could not be reached' },
}

/** The session a cookie could name: its store key and what the store holds, if anything. */
interface Found {
  key: string
  stored: StoredSession
}

/**
 * A backend-for-frontend for Horizon on Web-standard `Request` → `Response`: the browser logs in
 * through this server, which keeps the Horizon token (and a password login's credentials, to log in
 * again) and gives the browser only an httpOnly, SameSite cookie. The browser's Horizon calls go
 * to `proxyPath`, which forwards them with the session's `Authorization`. State-changing requests
 * must come from this site (CSRF). Runs wherever `fetch` and `crypto.subtle` do: Node, Deno, Bun,
 * edge runtimes; `handle` fits node:http adapters, Hono, Next.js route handlers and React Router.
 * @example
 * ```ts
 * import { HorizonSessions } from '@horizon-ts/core/bff'
 * const sessions = new HorizonSessions({ horizonUrl: 'http://127.0.0.1:8000' })
 * export async function fetchHandler(request: Request): Promise<Response> {
 *   return (await sessions.handle(request)) ?? new Response('Not found', { status: 404 })
 * }
 * ```
 */
export class HorizonSessions {
  /** the options with every default applied */
  readonly options: ResolvedSessionsOptions
  /** one server-side client per stored session, while it lives */
  readonly #clients = new WeakMap<StoredSession, HorizonClient>()

  constructor(options: HorizonSessionsOptions) {
    this.options = resolveSessionsOptions(options)
  }

  /**
   * Whether the cookie for `request` is Secure (`secure: 'auto'`: when the request URL is https).
   * @example `sessions.isSecure(new Request('https://admin.example/')) // true`
   */
  isSecure(request: Request): boolean {
    const { secure } = this.options
    return secure === 'auto' ? new URL(request.url).protocol === 'https:' : secure
  }

  /**
   * The cookie's name for `request`: `__Host-horizon_session` when Secure, else `horizon_session`.
   * @example `sessions.cookieName(request)`
   */
  cookieName(request: Request): string {
    return this.isSecure(request) ? `__Host-${this.options.cookieName}` : this.options.cookieName
  }

  /**
   * Refuses a state-changing request from another site: a 403 in Horizon's error envelope, or
   * undefined when it may go on. Unsafe methods need an `Origin` equal to the request's own or
   * one of `trustedOrigins`, or, without `Origin`, `Sec-Fetch-Site: same-origin`. `login`,
   * `logout` and `proxy` check it themselves.
   * @example
   * ```ts
   * const refused = sessions.checkOrigin(request)
   * if (refused) return refused
   * ```
   */
  checkOrigin(request: Request): Response | undefined {
    if (isSameSite(request, this.options.trustedOrigins)) return undefined
    return envelope(403, 'permission_denied', 'Cross-site request refused')
  }

  /**
   * `POST` login, form-encoded, multipart or JSON: `{ username, password }` or `{ token }`, and
   * `next` (a path of this site; anything else is ignored, never an open redirect). Logs in at
   * Horizon, asks who the user is, starts a session and sets its cookie; a session the request
   * already had ends (no session fixation). A form post answers 303 to `next` (default `/`), or,
   * when the login fails, to `loginPage?error=<code>` (`next` kept); other requests get
   * `200 { user }`, or the error envelope with 400, 401 or 502. The password is never echoed.
   * @example `app.post('/login', (c) => sessions.login(c.req.raw))`
   */
  async login(request: Request): Promise<Response> {
    if (request.method !== 'POST') return postOnly()
    const refused = this.checkOrigin(request)
    if (refused) return refused
    const form = isFormPost(request)
    let fields: LoginFields
    try {
      fields = await readLoginFields(request)
    } catch {
      return this.#loginFailed(request, form, 'bad_request', undefined)
    }
    const next = sameOriginPath(fields.next, request)
    let auth: AuthStrategy
    if (fields.token) auth = new BearerToken(fields.token)
    else if (fields.username && fields.password)
      auth = new LoginPassword({ login: fields.username, password: fields.password })
    else return this.#loginFailed(request, form, 'missing_credentials', next)
    let adopted: { setCookie: string; session: HorizonSession }
    try {
      adopted = await this.adopt(request, auth)
    } catch (error) {
      const refusedLogin = error instanceof HorizonError && error.status !== undefined && error.status < 500
      return this.#loginFailed(request, form, refusedLogin ? 'invalid_credentials' : 'unavailable', next)
    }
    if (form) return seeOther(next ?? '/', adopted.setCookie)
    return json(200, { user: adopted.session.user }, { 'set-cookie': adopted.setCookie })
  }

  #loginFailed(request: Request, form: boolean, code: LoginErrorCode, next: string | undefined): Response {
    const { status, message } = LOGIN_ERRORS[code]
    if (!form) return envelope(status, code, message)
    const page = new URL(this.options.loginPage, request.url)
    page.searchParams.set('error', code)
    if (next) page.searchParams.set('next', next)
    return seeOther(page.pathname + page.search)
  }

  /**
   * `POST` logout: ends the request's session (the store forgets it, the strategy its token) and
   * clears the cookie. A form post answers 303 to `next` (default `loginPage`), others 204.
   * @example `app.post('/logout', (c) => sessions.logout(c.req.raw))`
   */
  async logout(request: Request): Promise<Response> {
    if (request.method !== 'POST') return postOnly()
    const refused = this.checkOrigin(request)
    if (refused) return refused
    const form = isFormPost(request)
    const fields = await readLoginFields(request).catch((): LoginFields => ({}))
    await this.#end(request)
    const cleared = clearedCookie(this.cookieName(request), this.#attributes(request))
    if (!form) return noContent(cleared)
    return seeOther(sameOriginPath(fields.next, request) ?? this.options.loginPage, cleared)
  }

  /**
   * Ends the request's session, if any (the store forgets it, its strategy the token), and answers
   * the `Set-Cookie` that clears the cookie: for server code that finds a session dead (Horizon
   * refuses its token) and sends the browser to the login. No origin check: it serves a `GET` the
   * server itself decided on; a browser's logout goes through `logout`.
   * @example
   * ```ts
   * const cleared = await sessions.end(request)
   * return new Response(null, { status: 303, headers: { location: '/login?reason=expired', 'set-cookie': cleared } })
   * ```
   */
  async end(request: Request): Promise<string> {
    await this.#end(request)
    return clearedCookie(this.cookieName(request), this.#attributes(request))
  }

  /**
   * The request's live session, or undefined (no cookie, an unknown or expired one). Each use
   * moves its expiry `maxAgeSeconds` on.
   * @example
   * ```ts
   * const session = await sessions.session(request)
   * if (!session) return Response.redirect(new URL('/login', request.url), 303)
   * ```
   */
  async session(request: Request): Promise<HorizonSession | undefined> {
    const found = await this.#find(request)
    if (!found) return undefined
    const { key, stored } = found
    const now = Date.now()
    const lifetime = this.options.maxAgeSeconds * 1000
    // Written back at most about once a minute (or a tenth of the lifetime): a store may be remote.
    if (now + lifetime - stored.expiresAt > Math.min(60_000, lifetime / 10)) {
      stored.expiresAt = now + lifetime
      await this.options.store.set(key, stored, this.options.maxAgeSeconds)
    }
    return new HorizonSession(key, stored, this.#clientOf(stored))
  }

  /**
   * A client for server-side rendering: its `baseUrl` is the proxy's public URL
   * (`new URL(proxyPath, request.url)`) and its auth names the session's user, so its query keys
   * are those of the browser's client (`SessionCookie`) and a dehydrated cache hydrates; its calls
   * go straight to `horizonUrl` with the session's token, not through this server. Undefined
   * without a session.
   * @example
   * ```ts
   * const client = await sessions.clientFor(request)
   * const page = await client?.paginateNamespaces({ page_size: 20 })
   * ```
   */
  async clientFor(request: Request, session?: HorizonSession): Promise<HorizonClient | undefined> {
    const s = session ?? (await this.session(request))
    if (!s) return undefined
    const baseUrl = this.publicUrl(request)
    const { client } = this.options
    return new HorizonClient({
      ...client,
      baseUrl,
      auth: new SessionAuth(s.user, s.auth),
      fetch: directFetch(baseUrl, this.options.horizonUrl, client.fetch),
    })
  }

  /**
   * Where the browser reaches Horizon: the proxy's URL on the request's origin; give it to the
   * browser's `HorizonClient` as `baseUrl`.
   * @example `sessions.publicUrl(new Request('https://admin.example/hwm')) // 'https://admin.example/horizon-api'`
   */
  publicUrl(request: Request): string {
    return new URL(this.options.proxyPath, request.url).href
  }

  /**
   * Forwards a request under `proxyPath` to Horizon with the session's `Authorization`: method,
   * path and query, body, `Content-Type`, `Accept` and `X-Request-ID` (never the browser's
   * `Cookie` or `Authorization`). Answers Horizon's status and body with its `Content-Type`,
   * `X-Request-ID`, `X-Application-Version`, `Retry-After` and `Allow` (no `Set-Cookie`).
   * Refused: cross-site unsafe requests (403, nothing sent), Horizon's login routes `/v1/auth/…`
   * (403: a token must never reach page scripts), requests without a session (401, as Horizon
   * answers them). A 401 from Horizon makes a password session log in again and retry once; a
   * token session passes it on, and the page returns to login.
   * @example `app.all('/horizon-api/*', (c) => sessions.proxy(c.req.raw))`
   */
  async proxy(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const { proxyPath } = this.options
    if (url.pathname !== proxyPath && !url.pathname.startsWith(`${proxyPath}/`))
      return envelope(404, 'not_found', 'Not under the Horizon proxy path')
    const refused = this.checkOrigin(request)
    if (refused) return refused
    const rest = url.pathname.slice(proxyPath.length) || '/'
    if (isTokenRoute(rest)) return envelope(403, 'permission_denied', 'Log in through the session login route')
    const session = await this.session(request)
    if (!session) return envelope(401, 'unauthorized', 'Not authenticated')
    const { horizonUrl, maxBodyBytes } = this.options
    return forward(request, rest + url.search, session, {
      horizonUrl,
      maxBodyBytes,
      publicBase: this.publicUrl(request),
    })
  }

  /**
   * Starts a session for an auth strategy got elsewhere (an OpenID Connect login, say): asks
   * Horizon who the user is when `user` is not given (a refused strategy rejects with its
   * `HorizonError`), ends the session `request` had, and answers the `Set-Cookie` to send with
   * the answer, and the session. The request decides the cookie's Secure flag.
   * @example
   * ```ts
   * const { setCookie } = await sessions.adopt(request, new BearerToken(tokens.access_token))
   * return new Response(null, { status: 303, headers: { location: '/', 'set-cookie': setCookie } })
   * ```
   */
  async adopt(
    request: Request,
    auth: AuthStrategy,
    user?: string,
  ): Promise<{ setCookie: string; session: HorizonSession }> {
    const client = this.#serverClient(auth)
    const name = user ?? (await client.whoami()).username
    await this.#end(request)
    const id = newSessionId()
    const key = await storeKeyOf(id)
    const stored: StoredSession = { user: name, auth, expiresAt: Date.now() + this.options.maxAgeSeconds * 1000 }
    await this.options.store.set(key, stored, this.options.maxAgeSeconds)
    this.#clients.set(stored, client)
    const setCookie = sessionCookie(this.cookieName(request), id, this.#attributes(request))
    return { setCookie, session: new HorizonSession(key, stored, client) }
  }

  /**
   * Serves the routes: `POST ${basePath}/login`, `POST ${basePath}/logout` and everything under
   * `proxyPath`; undefined for any other request (a `GET /login` page is the app's).
   * @example
   * ```ts
   * const answer = await sessions.handle(request)
   * if (answer) return answer
   * ```
   */
  async handle(request: Request): Promise<Response | undefined> {
    const { pathname } = new URL(request.url)
    const { proxyPath, loginPath, logoutPath } = this.options
    if (pathname === proxyPath || pathname.startsWith(`${proxyPath}/`)) return this.proxy(request)
    if (request.method !== 'POST') return undefined
    if (pathname === loginPath) return this.login(request)
    if (pathname === logoutPath) return this.logout(request)
    return undefined
  }

  #attributes(request: Request): CookieAttributes {
    return { secure: this.isSecure(request), sameSite: this.options.sameSite }
  }

  async #find(request: Request): Promise<Found | undefined> {
    const id = readCookie(request, this.cookieName(request))
    if (!id || !isSessionId(id)) return undefined
    const key = await storeKeyOf(id)
    const stored = await this.options.store.get(key)
    if (!stored) return undefined
    if (stored.expiresAt <= Date.now()) {
      await this.options.store.delete(key)
      return undefined
    }
    return { key, stored }
  }

  /** Ends the request's session, if it has one. */
  async #end(request: Request): Promise<void> {
    const found = await this.#find(request)
    if (!found) return
    await this.options.store.delete(found.key)
    found.stored.auth.reset?.()
  }

  #clientOf(stored: StoredSession): HorizonClient {
    let client = this.#clients.get(stored)
    if (!client) {
      client = this.#serverClient(stored.auth)
      this.#clients.set(stored, client)
    }
    return client
  }

  #serverClient(auth: AuthStrategy): HorizonClient {
    return new HorizonClient({ ...this.options.client, baseUrl: this.options.horizonUrl, auth })
  }
}
