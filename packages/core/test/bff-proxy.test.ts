/** The BFF proxy through a real app server to the dev server, as Horizon's side (a recorder in front) saw it. */
import { describe, expect, it } from 'vitest'
import { type Browser, browser } from './bff/browser.js'
import { useStack } from './bff/setup.js'

// Horizon's answers carry a cookie and a header of their own: neither may reach the browser.
const stack = useStack({}, {}, { 'set-cookie': 'horizon_side=1; Path=/', 'x-internal': 'secret-ish' })
const short = useStack({}, { tokenTtlSeconds: 1 })
const PASSWORD = 'pw-Proxy-0815'
const BIG = '9007199254740993' // 2^53 + 1: a double would round it

async function loggedIn(user: string, s = stack): Promise<Browser> {
  const b = browser(s.app.url)
  expect((await b.login(user, PASSWORD)).status).toBe(200)
  return b
}
const sent = (method: string, path: string, body: string, s = stack) =>
  s.horizon.requests.filter((r) => r.method === method && r.path === path && r.body === body)
const jsonInit = (method: string, body: string) => ({
  method,
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body,
})

describe('forwarding', () => {
  it('GET, POST, PATCH, DELETE reach Horizon with the token and the exact bodies; int64 digit for digit', async () => {
    const b = await loggedIn('alice')
    const nsBody = '{"name":"bff_proxy","description":"through the BFF"}'
    const ns = await b.fetch('/horizon-api/v1/namespaces/', jsonInit('POST', nsBody))
    expect(ns.status).toBe(201)
    const { id: nsId } = (await ns.json()) as { id: number }

    const hwmBody = `{"namespace_id":${nsId},"name":"offset","type":"column_int","value":${BIG}}`
    const created = await b.fetch('/horizon-api/v1/hwm/', jsonInit('POST', hwmBody))
    const createdText = await created.text()
    expect(created.status).toBe(201)
    expect(createdText).toContain(`"value":${BIG}`)
    const hwmId = /"id":(\d+)/.exec(createdText)![1]

    const patchBody = `{"value":${BIG.replace(/3$/, '5')}}`
    const patched = await b.fetch(`/horizon-api/v1/hwm/${hwmId}`, jsonInit('PATCH', patchBody))
    expect(await patched.text()).toContain('"value":9007199254740995')

    const read = await b.fetch(`/horizon-api/v1/hwm/?namespace_id=${nsId}&page_size=5`)
    expect(read.status).toBe(200)
    expect(await read.text()).toContain('"value":9007199254740995')

    const deleted = await b.fetch(`/horizon-api/v1/hwm/${hwmId}`, { method: 'DELETE' })
    expect(deleted.status).toBe(204)
    expect((await b.fetch(`/horizon-api/v1/hwm/${hwmId}`)).status).toBe(404)

    // Horizon's side: the bytes as the browser sent them, each with the session's token.
    const seen = [
      ...sent('POST', '/v1/namespaces/', nsBody),
      ...sent('POST', '/v1/hwm/', hwmBody),
      ...sent('PATCH', `/v1/hwm/${hwmId}`, patchBody),
      ...sent('GET', `/v1/hwm/?namespace_id=${nsId}&page_size=5`, ''),
      ...sent('DELETE', `/v1/hwm/${hwmId}`, ''),
    ]
    expect(seen).toHaveLength(5)
    const [auth] = seen.map((r) => r.headers.get('authorization'))
    expect(auth).toMatch(/^Bearer eyJ/)
    for (const r of seen) expect(r.headers.get('authorization')).toBe(auth)
    expect(seen[1]!.headers.get('content-type')).toBe('application/json')
  })

  it("never forwards the browser's Cookie or Authorization; forwards X-Request-ID and Accept", async () => {
    const b = await loggedIn('bob')
    const answer = await b.fetch('/horizon-api/v1/users/me', {
      headers: {
        cookie: `horizon_session=${b.cookies.get('horizon_session')}; other=1`,
        authorization: 'Bearer forged-by-page',
        'x-request-id': 'req-bff-1',
        accept: 'application/json',
      },
    })
    expect(await answer.json()).toMatchObject({ username: 'bob' })
    const [at] = stack.horizon.requests.filter((r) => r.headers.get('x-request-id') === 'req-bff-1')
    expect(at!.headers.get('cookie')).toBeNull()
    expect(at!.headers.get('authorization')).toMatch(/^Bearer eyJ/)
    expect(at!.headers.get('accept')).toBe('application/json')
    expect(answer.headers.get('x-request-id')).toBe('req-bff-1')
  })

  it("answers Horizon's listed headers only: no Set-Cookie, nothing else of Horizon's", async () => {
    const b = await loggedIn('bob')
    const answer = await b.fetch('/horizon-api/v1/namespaces/', { method: 'PUT', headers: { 'x-request-id': 'r2' } })
    expect(answer.status).toBe(405)
    const direct = await fetch(`${stack.target.url}/v1/namespaces/`, { method: 'PUT' })
    expect(direct.headers.get('allow')).toBeTruthy()
    expect(answer.headers.get('allow')).toBe(direct.headers.get('allow'))
    expect(answer.headers.get('x-application-version')).toBe('1.1.3')
    expect(answer.headers.getSetCookie()).toEqual([])
    expect(answer.headers.get('x-internal')).toBeNull()
    expect(answer.headers.get('cache-control')).toBe('no-store')
  })
})

describe('refusals', () => {
  it('no session: 401 in Horizon’s envelope, nothing sent to Horizon', async () => {
    const before = stack.horizon.requests.length
    const b = browser(stack.app.url)
    const answer = await b.fetch('/horizon-api/v1/namespaces/')
    expect(answer.status).toBe(401)
    expect(await answer.json()).toEqual({
      error: { code: 'unauthorized', message: 'Not authenticated', details: null },
    })
    const forged = await b.fetch('/horizon-api/v1/namespaces/', { headers: { cookie: 'horizon_session=nope' } })
    expect(forged.status).toBe(401)
    expect(stack.horizon.requests.length).toBe(before)
  })

  it('a cross-site POST (Origin: https://evil.example) is refused 403 and nothing reaches Horizon', async () => {
    const b = await loggedIn('carol')
    const before = stack.horizon.requests.length
    for (const init of [
      { ...jsonInit('POST', '{"name":"evil"}'), origin: 'https://evil.example' },
      { ...jsonInit('DELETE', ''), origin: 'null' },
      { ...jsonInit('PATCH', '{}'), origin: null, headers: { 'sec-fetch-site': 'cross-site' } },
    ]) {
      const answer = await b.fetch('/horizon-api/v1/namespaces/', init)
      expect(answer.status).toBe(403)
      expect((await answer.json()).error.code).toBe('permission_denied')
    }
    expect(stack.horizon.requests.length).toBe(before)
    // and the same page's own POST goes through
    expect((await b.fetch('/horizon-api/v1/namespaces/', jsonInit('POST', '{"name":"carols"}'))).status).toBe(201)
  })

  it.each([
    '/horizon-api/v1/auth/token',
    '/horizon-api/v1/auth/token/',
    '/horizon-api//v1/auth/token',
    '/horizon-api/V1/Auth/Token',
    '/horizon-api/v1%2Fauth%2Ftoken',
    '/horizon-api/v1/auth/%74oken',
    '/horizon-api/v1/x/../auth/token',
  ])('refuses %s: a token never reaches the page', async (path) => {
    const b = await loggedIn('dave')
    const before = stack.horizon.requests.length
    const answer = await b.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: `username=dave&password=${PASSWORD}`,
    })
    expect(answer.status).toBe(403)
    expect(await answer.text()).not.toContain('access_token')
    expect(stack.horizon.requests.length).toBe(before)
  })
})

describe('concurrency', () => {
  it('2 users × 25 concurrent proxied requests never mix tokens', async () => {
    const [erin, frank] = [await loggedIn('erin'), await loggedIn('frank')]
    const calls = Array.from({ length: 50 }, (_, i) => {
      const [b, user] = i % 2 ? [frank, 'frank'] : [erin, 'erin']
      return b
        .fetch('/horizon-api/v1/users/me', { headers: { 'x-request-id': `mix-${i}` } })
        .then(async (r) => ({ user, me: ((await r.json()) as { username: string }).username, id: `mix-${i}` }))
    })
    const answers = await Promise.all(calls)
    for (const a of answers) expect(a.me).toBe(a.user)
    // At Horizon's side: one token per user, each request with its user's.
    const byUser = new Map<string, Set<string>>()
    for (const a of answers) {
      const at = stack.horizon.requests.find((r) => r.headers.get('x-request-id') === a.id)!
      byUser.set(a.user, (byUser.get(a.user) ?? new Set()).add(at.headers.get('authorization')!))
    }
    expect(byUser.get('erin')!.size).toBe(1)
    expect(byUser.get('frank')!.size).toBe(1)
    expect([...byUser.get('erin')!][0]).not.toBe([...byUser.get('frank')!][0])
  })
})

describe('Horizon refuses the token', () => {
  it('expired token: a password session logs in again before sending; a token session gets the 401', async () => {
    const b = await loggedIn('grace', short)
    const token = await short.target.login('heidi')
    const t = browser(short.app.url)
    const login = await t.fetch('/login', jsonInit('POST', JSON.stringify({ token })))
    expect(login.status).toBe(200)
    // Both 1-second tokens are expired after 2 s (Horizon compares `exp` with whole seconds).
    await new Promise((r) => setTimeout(r, 2100))
    const logins = () => short.horizon.requests.filter((r) => r.path === '/v1/auth/token').length
    const before = logins()
    const me = await b.fetch('/horizon-api/v1/users/me')
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ username: 'grace' })
    expect(logins()).toBe(before + 1)
    const refused = await t.fetch('/horizon-api/v1/users/me')
    expect(refused.status).toBe(401)
    expect((await refused.json()).error.code).toBe('unauthorized')
  })

  it('a 401 (Horizon restarted with a new secret): a password session logs in again and retries with the same body', async () => {
    const b = await loggedIn('ivan')
    const token = await stack.target.login('judy')
    const t = browser(stack.app.url)
    await t.fetch('/login', jsonInit('POST', JSON.stringify({ token })))
    stack.target.server!.reset() // a new random secret: every token issued so far is refused
    const mark = stack.horizon.requests.length
    const body = '{"name":"after_restart"}'
    const created = await b.fetch('/horizon-api/v1/namespaces/', jsonInit('POST', body))
    expect(created.status).toBe(201)
    const after = stack.horizon.requests
      .slice(mark)
      .map((r) => `${r.method} ${r.path} ${r.body.includes('password') ? '(login)' : r.body}`)
    expect(after).toEqual([
      `POST /v1/namespaces/ ${body}`,
      'POST /v1/auth/token (login)',
      `POST /v1/namespaces/ ${body}`,
    ])
    const refused = await t.fetch('/horizon-api/v1/users/me')
    expect(refused.status).toBe(401)
  })
})

describe('secrets', () => {
  it('no token or password ever reached the browser in a body or header', () => {
    for (const s of [stack, short]) {
      const all = s.answers.join('\n---\n')
      expect(s.tokens().length).toBeGreaterThan(1)
      for (const token of s.tokens()) expect(all).not.toContain(token)
      expect(all).not.toContain(PASSWORD)
      expect(all).not.toMatch(/eyJ[\w-]+\.eyJ/)
    }
  })
})
