import type { HorizonSessions } from '@horizon-ts/core/bff'
import { createOidcClient, OidcAuth, type OidcClient, OidcError, type OidcTransaction } from '@horizon-ts/core/oidc'
import type { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { safeNext } from '../lib/routes'

/** The identity provider the SSR server signs users in with, as a confidential client. */
export interface SsoSettings {
  issuer: string
  clientId: string
  /** the client's secret: from the environment, never from a command line */
  clientSecret: string
  /** the API the access token is for (its audience, which Horizon's gateway checks) */
  resource?: string
  /** default `openid profile` */
  scope?: string
}

const TRANSACTION_COOKIE = 'horizon_sso'
const TRANSACTION_SECONDS = 600
const CODES = new Set(['state_mismatch', 'nonce_mismatch', 'no_transaction', 'provider_error'])

/**
 * "Sign in with SSO" run by the server (backend-for-frontend): `GET /session/sso` goes to the
 * provider, `GET /session/sso/callback` exchanges the code (state, PKCE, nonce checked) and makes
 * a Horizon session of the tokens, which never leave this server; `POST /session/sso/logout` ends
 * it and answers the provider's sign-out URL. A sign-in in progress (its PKCE verifier is a secret)
 * waits here, named by an HttpOnly cookie, for ten minutes at most.
 */
export function ssoRoutes(app: Hono, sessions: HorizonSessions, settings: SsoSettings): void {
  const pending = new Map<string, { transaction: OidcTransaction; until: number }>()
  // One client per public origin: the redirect URI is this server's, as the browser reaches it.
  const clients = new Map<string, OidcClient>()
  const oidcFor = (url: URL) => {
    let client = clients.get(url.origin)
    if (!client) {
      client = createOidcClient({
        ...settings,
        redirectUri: new URL('/session/sso/callback', url).href,
        postLogoutRedirectUri: new URL('/login', url).href,
      })
      clients.set(url.origin, client)
    }
    return client
  }
  const refuse = (code: string) => `/login?error=sso_${CODES.has(code) ? code : 'failed'}`
  const cookieOptions = (url: URL) => ({
    path: '/session/sso',
    httpOnly: true,
    sameSite: 'Lax' as const,
    secure: url.protocol === 'https:',
    maxAge: TRANSACTION_SECONDS,
  })

  app.get('/session/sso', async (c) => {
    const url = new URL(c.req.url)
    const now = Date.now()
    for (const [id, p] of pending) if (p.until < now) pending.delete(id)
    const { url: provider, transaction } = await oidcFor(url).start(safeNext(url.searchParams.get('next')))
    const id = crypto.randomUUID()
    pending.set(id, { transaction, until: now + TRANSACTION_SECONDS * 1000 })
    setCookie(c, TRANSACTION_COOKIE, id, cookieOptions(url))
    return c.redirect(provider.href, 303)
  })

  app.get('/session/sso/callback', async (c) => {
    const url = new URL(c.req.url)
    const id = getCookie(c, TRANSACTION_COOKIE)
    deleteCookie(c, TRANSACTION_COOKIE, cookieOptions(url))
    const found = id ? pending.get(id) : undefined
    if (id) pending.delete(id)
    if (!found || found.until < Date.now()) return c.redirect(refuse('no_transaction'), 303)
    const oidc = oidcFor(url)
    let auth: OidcAuth
    try {
      auth = new OidcAuth(oidc, { tokens: await oidc.finish(found.transaction, url) })
    } catch (error) {
      return c.redirect(refuse(error instanceof OidcError ? error.code : 'failed'), 303)
    }
    try {
      // Horizon (its gateway) checks the token and says who the user is.
      const { setCookie: session } = await sessions.adopt(c.req.raw, auth)
      c.header('set-cookie', session, { append: true })
    } catch {
      return c.redirect(refuse('failed'), 303)
    }
    return c.redirect(safeNext(found.transaction.returnTo), 303)
  })

  app.post('/session/sso/logout', async (c) => {
    const refused = sessions.checkOrigin(c.req.raw)
    if (refused) return refused
    const session = await sessions.session(c.req.raw)
    const redirect = session?.auth instanceof OidcAuth ? await session.auth.signOut() : undefined
    const ended = await sessions.logout(c.req.raw)
    const headers = new Headers({ 'content-type': 'application/json', 'cache-control': 'no-store' })
    const cleared = ended.headers.get('set-cookie')
    if (cleared) headers.set('set-cookie', cleared)
    return new Response(JSON.stringify({ redirect: redirect?.href ?? '/login' }), { headers })
  })
}
