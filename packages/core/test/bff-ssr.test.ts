/** BFF sessions on the server side: SSR clients whose keys match the browser's, adopt(), the store, expiry, secrets. */
import { inspect } from 'node:util'
import { dehydrate, hydrate, QueryClient } from '@tanstack/query-core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  HorizonSessions,
  HorizonSessionsError,
  SessionCookie,
  type SessionStore,
  type StoredSession,
} from '../src/entries/bff.js'
import { horizonKeys, horizonQueries, horizonScope } from '../src/entries/query.js'
import { AuthorizationError, BearerToken, HorizonClient } from '../src/index.js'
import { browser } from './bff/browser.js'
import { useStack } from './bff/setup.js'

const stack = useStack()
const PASSWORD = 'pw-Ssr-2718'

/** A request of the browser to the app, carrying its cookie. */
async function pageRequest(user: string, path = '/namespaces'): Promise<{ request: Request; cookie: string }> {
  const b = browser(stack.app.url)
  expect((await b.login(user, PASSWORD)).status).toBe(200)
  const cookie = `horizon_session=${b.cookies.get('horizon_session')}`
  return { request: new Request(new URL(path, stack.app.url), { headers: { cookie } }), cookie }
}

/** The browser's client: the proxy's URL, the session's user, the cookie the browser would send. */
const browserClient = (user: string, cookie: string) =>
  new HorizonClient({
    baseUrl: new URL('/horizon-api', stack.app.url).href,
    auth: new SessionCookie(user),
    headers: { cookie },
    retry: false,
  })

describe('clientFor', () => {
  it("builds query keys equal to the browser client's, per user", async () => {
    const { request, cookie } = await pageRequest('alice')
    const ssr = (await stack.sessions.clientFor(request))!
    const page = browserClient('alice', cookie)
    expect(horizonScope(ssr)).toEqual(horizonScope(page))
    expect(horizonScope(ssr)).toEqual({ baseUrl: `${stack.app.url}/horizon-api`, user: 'alice' })
    expect(horizonKeys(ssr).of('whoami')).toEqual(horizonKeys(page).of('whoami'))
    expect(horizonKeys(ssr).hwmLists(3)).toEqual(horizonKeys(page).hwmLists(3))
    const bob = await pageRequest('bob')
    expect(horizonScope((await stack.sessions.clientFor(bob.request))!)).not.toEqual(horizonScope(page))
  })

  it('calls Horizon directly with the token (not through the app), and its dehydrated cache hydrates the page', async () => {
    const { request, cookie } = await pageRequest('carol')
    const ssr = (await stack.sessions.clientFor(request))!
    const appAnswers = stack.answers.length
    const serverCache = new QueryClient()
    await serverCache.fetchQuery(horizonQueries(ssr).whoami())
    expect(stack.answers.length).toBe(appAnswers) // no HTTP loop through the app server
    const seen = stack.horizon.requests.at(-1)!
    expect(`${seen.method} ${seen.path}`).toBe('GET /v1/users/me')
    expect(seen.headers.get('authorization')).toMatch(/^Bearer eyJ/)

    const pageCache = new QueryClient()
    hydrate(pageCache, dehydrate(serverCache))
    const page = browserClient('carol', cookie)
    expect(pageCache.getQueryData(horizonQueries(page).whoami().queryKey)).toMatchObject({ username: 'carol' })
  })

  it('undefined without a session', async () => {
    expect(await stack.sessions.clientFor(new Request(stack.app.url))).toBeUndefined()
  })
})

describe('the browser half', () => {
  it('a HorizonClient with SessionCookie works through the proxy, and fails with AuthorizationError once logged out', async () => {
    const b = browser(stack.app.url)
    await b.login('dave', PASSWORD)
    const cookie = `horizon_session=${b.cookies.get('horizon_session')}`
    const page = browserClient('dave', cookie)
    expect((await page.whoami()).username).toBe('dave')
    expect(page.options.auth?.header({ send: async () => undefined as never })).toBeUndefined()
    // the browser's HorizonClient sends no Origin here (Node fetch); a real page's fetch does
    const ns = await page.with({ headers: { origin: stack.app.url } }).createNamespace({ name: 'dave_ns' })
    expect(ns.name).toBe('dave_ns')
    await b.fetch('/logout', { method: 'POST' })
    await expect(page.whoami()).rejects.toBeInstanceOf(AuthorizationError)
  })
})

describe('adopt', () => {
  it('makes a session from a strategy, learning the user from Horizon (or taking the one given)', async () => {
    const token = await stack.target.login('erin')
    const { setCookie, session } = await stack.sessions.adopt(new Request(stack.app.url), new BearerToken(token))
    expect(session.user).toBe('erin')
    const b = browser(stack.app.url)
    b.cookies.set('horizon_session', setCookie.split(';')[0]!.split('=')[1]!)
    expect(await (await b.fetch('/horizon-api/v1/users/me')).json()).toMatchObject({ username: 'erin' })
    const named = await stack.sessions.adopt(new Request(stack.app.url), new BearerToken(token), 'erin@oidc')
    expect(named.session.user).toBe('erin@oidc')
  })

  it('a refused strategy rejects with its HorizonError, which holds no token', async () => {
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjo5OTl9.bm90LXNpZ25lZA'
    const error = await stack.sessions.adopt(new Request(stack.app.url), new BearerToken(forged)).catch((e) => e)
    expect(error).toBeInstanceOf(AuthorizationError)
    for (const view of [String(error), JSON.stringify(error), inspect(error, { depth: 10 }), error.stack])
      expect(view).not.toContain(forged)
  })
})

describe('sessions and the store', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('keys the store by the SHA-256 of the id, never the id; a custom async store is used', async () => {
    const map = new Map<string, StoredSession>()
    const store: SessionStore = {
      get: async (k) => map.get(k),
      set: async (k, s) => void map.set(k, s),
      delete: async (k) => void map.delete(k),
    }
    const sessions = new HorizonSessions({ horizonUrl: stack.horizon.url, store })
    const { setCookie } = await sessions.adopt(new Request(stack.app.url), new BearerToken('t'), 'frank')
    const id = setCookie.split(';')[0]!.split('=')[1]!
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id))
    expect([...map.keys()]).toEqual([Buffer.from(digest).toString('base64url')])
    const session = await sessions.session(new Request(stack.app.url, { headers: { cookie: `horizon_session=${id}` } }))
    expect(session?.user).toBe('frank')
    expect(session?.id).toBe([...map.keys()][0])
    expect(session?.id).not.toBe(id)
  })

  it('the idle lifetime slides with use and ends the session once idle (a mocked clock)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const sessions = new HorizonSessions({ horizonUrl: stack.horizon.url, maxAgeSeconds: 60 })
    const { setCookie } = await sessions.adopt(new Request(stack.app.url), new BearerToken('t'), 'grace')
    const request = new Request(stack.app.url, { headers: { cookie: setCookie.split(';')[0]! } })
    for (let i = 0; i < 3; i++) {
      vi.setSystemTime(Date.now() + 45_000)
      expect((await sessions.session(request))?.user).toBe('grace')
    }
    vi.setSystemTime(Date.now() + 61_000)
    expect(await sessions.session(request)).toBeUndefined()
  })

  it('JSON and inspection of a session, its client and the sessions show no token, password or id', async () => {
    const { request, cookie } = await pageRequest('heidi')
    const session = (await stack.sessions.session(request))!
    const id = cookie.split('=')[1]!
    await session.client.whoami()
    const views = [
      JSON.stringify(session),
      inspect(session, { depth: 10 }),
      inspect(session.client, { depth: 10, showHidden: true }),
      inspect(stack.sessions, { depth: 10, showHidden: true }),
      JSON.stringify(session.auth),
    ]
    expect(JSON.stringify(session)).toBe('{"user":"heidi"}')
    for (const view of views) {
      expect(view).not.toContain(PASSWORD)
      expect(view).not.toContain(id)
      expect(view).not.toContain(session.id)
      expect(view).not.toMatch(/eyJ[\w-]+\.eyJ/)
    }
  })
})

describe('options and checks', () => {
  it('refuses options it cannot work with, with code invalid_options', () => {
    for (const bad of [
      { horizonUrl: 'not a url' },
      { horizonUrl: 'ftp://h' },
      { horizonUrl: 'http://h', proxyPath: 'api' },
      { horizonUrl: 'http://h', proxyPath: '/' },
      { horizonUrl: 'http://h', trustedOrigins: ['https://a.example/path'] },
      { horizonUrl: 'http://h', maxAgeSeconds: 0 },
    ]) {
      const error = (() => {
        try {
          new HorizonSessions(bad)
        } catch (e) {
          return e
        }
      })()
      expect(error).toBeInstanceOf(HorizonSessionsError)
      expect((error as HorizonSessionsError).code).toBe('invalid_options')
    }
  })

  it('checkOrigin: own and trusted origins pass, others and missing ones are refused; safe methods always pass', () => {
    const sessions = new HorizonSessions({ horizonUrl: 'http://h', trustedOrigins: ['https://admin.example'] })
    const post = (headers: Record<string, string>) =>
      sessions.checkOrigin(new Request('http://app.test/x', { method: 'POST', headers }))
    expect(post({ origin: 'http://app.test' })).toBeUndefined()
    expect(post({ origin: 'https://admin.example' })).toBeUndefined()
    expect(post({ 'sec-fetch-site': 'same-origin' })).toBeUndefined()
    expect(post({ origin: 'https://app.test' })?.status).toBe(403)
    expect(post({ origin: 'http://app.test.evil.example' })?.status).toBe(403)
    expect(post({ 'sec-fetch-site': 'same-site' })?.status).toBe(403)
    expect(post({})?.status).toBe(403)
    expect(
      sessions.checkOrigin(new Request('http://app.test/x', { headers: { origin: 'https://evil' } })),
    ).toBeUndefined()
  })

  it('the proxy refuses a body over maxBodyBytes with 413, before Horizon sees it', async () => {
    const sessions = new HorizonSessions({ horizonUrl: stack.horizon.url, maxBodyBytes: 10 })
    const { setCookie } = await sessions.adopt(new Request(stack.app.url), new BearerToken('t'), 'ivan')
    const before = stack.horizon.requests.length
    const answer = await sessions.proxy(
      new Request(`${stack.app.url}/horizon-api/v1/namespaces/`, {
        method: 'POST',
        headers: { origin: stack.app.url, cookie: setCookie.split(';')[0]!, 'content-type': 'application/json' },
        body: '{"name":"longer than ten bytes"}',
      }),
    )
    expect(answer.status).toBe(413)
    expect(stack.horizon.requests.length).toBe(before)
  })
})
