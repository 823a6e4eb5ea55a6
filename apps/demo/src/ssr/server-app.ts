import { type AuthStrategy, LoginPassword } from '@horizon-ts/core'
import { HorizonSessions, type HorizonSessionsOptions } from '@horizon-ts/core/bff'
import { OidcAuth } from '@horizon-ts/core/oidc'
import { Hono } from 'hono'
import type { Bootstrap } from '../lib/bootstrap'
import { loginPath, paths, safeNext } from '../lib/routes'
import { renderPage } from './render-page'
import { type SsoSettings, ssoRoutes } from './sso-routes'

export interface SsrAppOptions {
  /** Horizon as this server reaches it */
  horizonUrl: string
  /** the page template for a URL: `index.html`, transformed by Vite in development */
  template: (url: URL) => Promise<string>
  /** more session settings (cookie, lifetime, trusted origins, store) */
  sessions?: Omit<HorizonSessionsOptions, 'horizonUrl' | 'basePath' | 'loginPage' | 'proxyPath'>
  /** "Sign in with SSO" through this identity provider, the server being a confidential client */
  sso?: SsoSettings
}

/** How a session began, for the user menu (and whether to sign out at the provider too). */
function methodOf(auth: AuthStrategy): Bootstrap['method'] {
  if (auth instanceof OidcAuth) return 'sso'
  return auth instanceof LoginPassword ? 'password' : 'token'
}

// Per-user pages: never cached by a shared cache, never framed, no referrer to other sites.
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  vary: 'Cookie',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
}

const see = (location: string) =>
  new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } })

/**
 * The admin UI served from Node: `/session/login` and `/session/logout` keep the Horizon session on
 * this server (httpOnly cookie), `/horizon-api/*` forwards the browser's calls to Horizon with the
 * session's token, and every other GET is the app rendered for that request, with its data.
 */
export function createSsrApp(options: SsrAppOptions): { app: Hono; sessions: HorizonSessions } {
  const sessions = new HorizonSessions({
    ...options.sessions,
    horizonUrl: options.horizonUrl,
    basePath: '/session',
    loginPage: '/login',
  })
  const app = new Hono()
  app.all('*', async (c, next) => (await sessions.handle(c.req.raw)) ?? next())
  if (options.sso) ssoRoutes(app, sessions, options.sso)
  app.get('*', async (c) => {
    const url = new URL(c.req.url)
    const session = await sessions.session(c.req.raw)
    const signingIn = url.pathname === '/login'
    if (session && signingIn) return see(safeNext(url.searchParams.get('next')))
    if (!session && !signingIn) return see(loginPath(url.pathname === '/' ? undefined : url.pathname + url.search))
    if (url.pathname === '/') return see(paths.namespaces)
    const bootstrap: Bootstrap = {
      mode: 'server-session',
      user: session?.user ?? null,
      sso: options.sso !== undefined,
      ...(session ? { method: methodOf(session.auth) } : {}),
    }
    const page = await renderPage({
      url,
      bootstrap,
      client: session ? await sessions.clientFor(c.req.raw, session) : undefined,
      template: await options.template(url),
    })
    if ('redirect' in page) {
      // The session's token is refused and cannot be renewed: the session is over.
      const response = see(page.redirect)
      response.headers.set('set-cookie', await sessions.end(c.req.raw))
      return response
    }
    return new Response(page.html, { headers: PAGE_HEADERS })
  })
  return { app, sessions }
}
