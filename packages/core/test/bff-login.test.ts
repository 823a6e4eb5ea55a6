/** BFF login and logout through a real app server: cookies, redirects, CSRF, and nothing secret in the answers. */
import { describe, expect, it } from 'vitest'
import { HorizonSessions } from '../src/entries/bff.js'
import { browser } from './bff/browser.js'
import { useStack } from './bff/setup.js'

const stack = useStack()
const PASSWORD = 'pw-Secret-4711'
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
  body: new URLSearchParams(fields).toString(),
})

describe('password login', () => {
  it('JSON: 200 {user} and an HttpOnly SameSite cookie, not Secure on http; the cookie opens the proxy', async () => {
    const b = browser(stack.app.url)
    const answer = await b.login('alice', PASSWORD)
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual({ user: 'alice' })
    const [cookie] = answer.headers.getSetCookie()
    expect(cookie).toMatch(/^horizon_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/)
    const me = await b.fetch('/horizon-api/v1/users/me')
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ username: 'alice' })
  })

  it('form post: 303 to next, with the cookie', async () => {
    const b = browser(stack.app.url)
    const answer = await b.fetch('/login', form({ username: 'bob', password: PASSWORD, next: '/hwm/5?tab=history' }))
    expect(answer.status).toBe(303)
    expect(answer.headers.get('location')).toBe('/hwm/5?tab=history')
    expect(b.cookies.get('horizon_session')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect((await b.fetch('/horizon-api/v1/users/me')).status).toBe(200)
  })

  it.each([
    '//evil.example/x',
    'https://evil.example/',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'evil',
  ])('refuses next=%j: 303 to / instead', async (next) => {
    const b = browser(stack.app.url)
    const answer = await b.fetch('/login', form({ username: 'carol', password: PASSWORD, next }))
    expect(answer.status).toBe(303)
    expect(answer.headers.get('location')).toBe('/')
  })

  it('a token login learns its user from Horizon', async () => {
    const token = await stack.target.login('dave')
    const b = browser(stack.app.url)
    const answer = await b.fetch('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    })
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual({ user: 'dave' })
    expect(await (await b.fetch('/horizon-api/v1/users/me')).json()).toMatchObject({ username: 'dave' })
  })

  it('starts a new session id on each login and ends the one the browser had (no fixation)', async () => {
    const b = browser(stack.app.url)
    await b.login('erin', PASSWORD)
    const first = b.cookies.get('horizon_session')!
    await b.login('erin', PASSWORD)
    const second = b.cookies.get('horizon_session')!
    expect(second).not.toBe(first)
    const old = await b.fetch('/horizon-api/v1/users/me', { headers: { cookie: `horizon_session=${first}` } })
    expect(old.status).toBe(401)
  })
})

describe('failed logins', () => {
  it('wrong password (Horizon answers 401): JSON 401 envelope; form 303 back to the login page with the code', async () => {
    stack.target.server!.faults.add({ path: '/v1/auth/token', kind: 'status', status: 401, times: 2 })
    const json = await browser(stack.app.url).login('alice', PASSWORD)
    expect(json.status).toBe(401)
    expect(json.headers.getSetCookie()).toEqual([])
    expect(await json.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Wrong username, password or token', details: null },
    })
    const b = browser(stack.app.url)
    const page = await b.fetch('/login', form({ username: 'alice', password: PASSWORD, next: '/ns' }))
    expect(page.status).toBe(303)
    expect(page.headers.get('location')).toBe('/login?error=invalid_credentials&next=%2Fns')
    expect(b.cookies.size).toBe(0)
  })

  it('a bad token: 401 invalid_credentials', async () => {
    const answer = await browser(stack.app.url).fetch('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoxfQ.forged' }),
    })
    expect(answer.status).toBe(401)
    expect((await answer.json()).error.code).toBe('invalid_credentials')
  })

  it('missing password: 400 without asking Horizon', async () => {
    const before = stack.horizon.requests.length
    const answer = await browser(stack.app.url).fetch('/login', form({ username: 'alice' }))
    expect(answer.headers.get('location')).toBe('/login?error=missing_credentials')
    expect(stack.horizon.requests.length).toBe(before)
  })

  it('Horizon unreachable: 502 unavailable', async () => {
    const down = new HorizonSessions({ horizonUrl: 'http://127.0.0.1:9', client: { retry: false } })
    const answer = await down.login(
      new Request('http://app.test/login', {
        method: 'POST',
        headers: { origin: 'http://app.test', 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'alice', password: PASSWORD }),
      }),
    )
    expect(answer.status).toBe(502)
    expect((await answer.json()).error.code).toBe('unavailable')
  })

  it('login CSRF: a cross-site login post, or one with neither Origin nor Sec-Fetch-Site, is refused 403', async () => {
    const before = stack.horizon.requests.length
    const evil = await browser(stack.app.url, { origin: 'https://evil.example' }).login('mallory', PASSWORD)
    expect(evil.status).toBe(403)
    expect(evil.headers.getSetCookie()).toEqual([])
    const bare = await browser(stack.app.url, { origin: null }).login('mallory', PASSWORD)
    expect(bare.status).toBe(403)
    const fetchMetadata = await browser(stack.app.url, { origin: null }).fetch('/login', {
      ...form({ username: 'frank', password: PASSWORD }),
      headers: { ...form({}).headers, 'sec-fetch-site': 'same-origin' },
    })
    expect(fetchMetadata.status).toBe(303)
    expect(stack.horizon.requests.length).toBe(before + 2) // frank's login and whoami only
  })

  it('GET /login is the app page, not a route of the sessions', async () => {
    expect((await browser(stack.app.url).fetch('/login')).status).toBe(404)
  })
})

describe('logout', () => {
  it('ends the session: cookie cleared, the old cookie gets 401 afterwards; fetch 204, form 303', async () => {
    const b = browser(stack.app.url)
    await b.login('grace', PASSWORD)
    const cookie = `horizon_session=${b.cookies.get('horizon_session')}`
    const out = await b.fetch('/logout', { method: 'POST' })
    expect(out.status).toBe(204)
    expect(out.headers.getSetCookie()[0]).toMatch(/^horizon_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0;/)
    expect(b.cookies.size).toBe(0)
    const old = await b.fetch('/horizon-api/v1/users/me', { headers: { cookie } })
    expect(old.status).toBe(401)
    expect(await old.json()).toEqual({ error: { code: 'unauthorized', message: 'Not authenticated', details: null } })

    await b.login('grace', PASSWORD)
    const page = await b.fetch('/logout', form({}))
    expect(page.status).toBe(303)
    expect(page.headers.get('location')).toBe('/login')
  })

  it('a cross-site logout is refused and the session lives on', async () => {
    const b = browser(stack.app.url)
    await b.login('heidi', PASSWORD)
    const out = await b.fetch('/logout', { method: 'POST', origin: 'https://evil.example' })
    expect(out.status).toBe(403)
    expect((await b.fetch('/horizon-api/v1/users/me')).status).toBe(200)
  })
})

describe("secure: 'auto'", () => {
  it('an https request gets a Secure __Host- cookie, which the session then reads', async () => {
    const login = await stack.sessions.login(
      new Request('https://admin.example/login', {
        method: 'POST',
        headers: { origin: 'https://admin.example', 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ivan', password: PASSWORD }),
      }),
    )
    const [cookie] = login.headers.getSetCookie()
    expect(cookie).toMatch(/^__Host-horizon_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure$/)
    const pair = cookie!.split(';')[0]!
    const session = await stack.sessions.session(new Request('https://admin.example/', { headers: { cookie: pair } }))
    expect(session?.user).toBe('ivan')
    // the same value under the plain name, or over http, names no session
    const value = pair.split('=')[1]
    const plain = new Request('https://admin.example/', { headers: { cookie: `horizon_session=${value}` } })
    expect(await stack.sessions.session(plain)).toBeUndefined()
  })

  it('secure: true marks the cookie Secure on http too', async () => {
    const sessions = new HorizonSessions({ horizonUrl: stack.horizon.url, secure: true })
    const { setCookie } = await sessions.adopt(
      new Request('http://app.test/'),
      {
        user: 'x',
        header: () => undefined,
      },
      'x',
    )
    expect(setCookie).toMatch(/^__Host-horizon_session=.*; Secure$/)
  })
})

describe('secrets', () => {
  it('no token, password or session key ever reached the browser in a body or header', () => {
    const tokens = stack.tokens()
    expect(tokens.length).toBeGreaterThan(5)
    const all = stack.answers.join('\n---\n')
    expect(stack.answers.length).toBeGreaterThan(15)
    for (const token of tokens) expect(all).not.toContain(token)
    expect(all).not.toContain(PASSWORD)
    expect(all).not.toMatch(/eyJ[\w-]+\.eyJ/)
  })
})

describe('end', () => {
  it("ends the request's session and answers the cookie that clears it, for a server that finds it dead", async () => {
    const b = browser(stack.app.url)
    await b.login('erin', PASSWORD)
    const request = new Request(`${stack.app.url}/hwm/1`, {
      headers: { cookie: `horizon_session=${b.cookies.get('horizon_session')}` },
    })
    expect(await stack.sessions.session(request)).toBeDefined()
    const cleared = await stack.sessions.end(request)
    expect(cleared).toMatch(/^horizon_session=; Path=\/; .*Max-Age=0/)
    expect(await stack.sessions.session(request)).toBeUndefined()
    expect((await b.fetch('/horizon-api/v1/users/me')).status).toBe(401)
  })
})
