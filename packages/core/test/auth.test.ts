import { describe, expect, it } from 'vitest'
import { AuthorizationError, HorizonClient, LoginPassword } from '../src/index.js'
import { isRemote, useTarget } from './server.js'

const tokenRequests = (t: ReturnType<typeof useTarget>) =>
  t.server!.requests.filter((r) => r.path === '/v1/auth/token').length

describe.skipIf(isRemote)('LoginPassword against the dev server', () => {
  const t = useTarget({ tokenTtlSeconds: 2 })

  it('100 parallel calls without a token cause exactly one login', async () => {
    const c = t.client('parallel')
    t.server!.clearRequests()
    const answers = await Promise.all(Array.from({ length: 100 }, () => c.whoami()))
    expect(answers.every((a) => a.username === 'parallel')).toBe(true)
    expect(tokenRequests(t)).toBe(1)
  })

  it('authorize() logs in ahead of the first call; the token stays in memory', async () => {
    const auth = new LoginPassword({ login: 'early', password: 'pw', skewSeconds: 0 })
    const c = new HorizonClient({ baseUrl: t.url, auth })
    t.server!.clearRequests()
    await c.authorize()
    expect(tokenRequests(t)).toBe(1)
    expect(auth.expiresAt).toBeGreaterThan(Date.now() / 1000)
    await c.whoami()
    expect(tokenRequests(t)).toBe(1)
  })

  it('logs in again before expires_at (skew), without a failed request', async () => {
    const c = new HorizonClient({ baseUrl: t.url, auth: new LoginPassword({ login: 'skew', password: 'pw' }) })
    await c.whoami()
    await new Promise((r) => setTimeout(r, 1100))
    t.server!.clearRequests()
    await c.whoami()
    expect(t.server!.requests.map((r) => `${r.path} ${r.status}`)).toEqual(['/v1/auth/token 200', '/v1/users/me 200'])
  })

  it('an expired token is replaced before sending, never sent', async () => {
    const c = new HorizonClient({
      baseUrl: t.url,
      auth: new LoginPassword({ login: 'late', password: 'pw', skewSeconds: 0 }),
    })
    await c.whoami()
    await new Promise((r) => setTimeout(r, 2100))
    t.server!.clearRequests()
    expect((await c.whoami()).username).toBe('late')
    expect(t.server!.requests.map((r) => `${r.path} ${r.status}`)).toEqual(['/v1/auth/token 200', '/v1/users/me 200'])
  })

  it('logs in again once after a 401 on a token it thought valid, then succeeds', async () => {
    const c = t.client('revoked')
    await c.whoami()
    t.server!.faults.add({ path: '/v1/users/me', kind: 'status', status: 401, times: 1 })
    t.server!.clearRequests()
    expect((await c.whoami()).username).toBe('revoked')
    expect(t.server!.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/v1/users/me 401',
      '/v1/auth/token 200',
      '/v1/users/me 200',
    ])
  })

  it('gives up with AuthorizationError when the fresh token is refused too', async () => {
    const c = new HorizonClient({ baseUrl: t.url, auth: new LoginPassword({ login: 'refused', password: 'pw' }) })
    await c.whoami()
    t.server!.faults.add({ path: '/v1/users/me', kind: 'status', status: 401, times: 2 })
    t.server!.clearRequests()
    await expect(c.whoami()).rejects.toBeInstanceOf(AuthorizationError)
    expect(t.server!.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/v1/users/me 401',
      '/v1/auth/token 200',
      '/v1/users/me 401',
    ])
  })

  it('an empty password is refused by the server with AuthorizationError', async () => {
    const c = new HorizonClient({ baseUrl: t.url, auth: new LoginPassword({ login: 'nopw', password: '' }) })
    await expect(c.whoami()).rejects.toThrow('Missing auth credentials')
  })

  it('logout() forgets the token: the next call logs in again', async () => {
    const c = t.client('again')
    await c.whoami()
    c.logout()
    t.server!.clearRequests()
    await c.whoami()
    expect(tokenRequests(t)).toBe(1)
  })

  it('with() shares the login', async () => {
    const c = t.client('shared')
    await c.whoami()
    t.server!.clearRequests()
    await c.with({ headers: { 'x-request-id': 'abc' } }).whoami()
    expect(tokenRequests(t)).toBe(0)
  })
})
