/** One login shared by concurrent calls: one caller's abort is that caller's alone. */
import { afterEach, describe, expect, it } from 'vitest'
import { AbortError, HorizonClient, LoginPassword } from '../src/index.js'
import { isRemote, useTarget } from './server.js'

describe.skipIf(isRemote)('a shared login and aborting callers', () => {
  const t = useTarget()
  afterEach(() => t.server!.setLatency(0))
  const logins = () => t.server!.requests.filter((r) => r.path === '/v1/auth/token').length
  /** A client for `login` that has not logged in yet, on a server that answers after 150 ms. */
  const slowLogin = (login: string) => {
    t.server!.clearRequests()
    t.server!.setLatency(150)
    return new HorizonClient({ baseUrl: t.url, auth: new LoginPassword({ login, password: 'pw' }), retry: false })
  }

  it('the caller that aborts rejects alone; the others get their answers from the same login', async () => {
    const c = slowLogin('shared')
    const first = new AbortController()
    const second = new AbortController()
    const calls = [
      c.whoami({ signal: first.signal }),
      c.whoami(),
      c.whoami({ signal: second.signal }),
      c.paginateNamespaces({}, { signal: new AbortController().signal }),
    ]
    setTimeout(() => first.abort(), 30)
    const [a, b, c2, d] = (await Promise.allSettled(calls)) as PromiseSettledResult<unknown>[] as [
      PromiseSettledResult<unknown>,
      PromiseSettledResult<unknown>,
      PromiseSettledResult<unknown>,
      PromiseSettledResult<unknown>,
    ]
    expect(a.status).toBe('rejected')
    expect((a as PromiseRejectedResult).reason).toBeInstanceOf(AbortError)
    expect(b).toMatchObject({ status: 'fulfilled', value: { username: 'shared' } })
    expect(c2).toMatchObject({ status: 'fulfilled', value: { username: 'shared' } })
    expect(d.status).toBe('fulfilled')
    expect(logins()).toBe(1)
  })

  it('when every waiting caller aborts, the login is cancelled and the next call logs in afresh', async () => {
    const c = slowLogin('quitters')
    const controllers = [new AbortController(), new AbortController()]
    const calls = controllers.map((k) => c.whoami({ signal: k.signal }))
    setTimeout(() => {
      for (const k of controllers) k.abort()
    }, 30)
    for (const r of await Promise.allSettled(calls))
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(AbortError)
    t.server!.setLatency(0)
    // Not stuck on the cancelled login: a fresh one answers.
    expect((await c.whoami()).username).toBe('quitters')
  })

  it('a caller whose signal is already aborted rejects at once and starts no login', async () => {
    const c = new HorizonClient({
      baseUrl: t.url,
      auth: new LoginPassword({ login: 'late', password: 'pw' }),
      retry: false,
    })
    t.server!.clearRequests()
    const e = await c.whoami({ signal: AbortSignal.abort() }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(AbortError)
    expect(logins()).toBe(0)
  })
})
