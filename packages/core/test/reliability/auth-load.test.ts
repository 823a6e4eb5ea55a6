import { AbortError, AuthorizationError, HorizonClient, HorizonError, LoginPassword } from '@horizon-ts/core'
import { describe, expect, it } from 'vitest'
import { PASSWORD, type Rig, sleep, trackUnhandled, useRig, within } from './rig.js'

const TOKEN = '/v1/auth/token'
const logins = (rig: Rig) => rig.server.requests.filter((r) => r.method === 'POST' && r.path === TOKEN).length
const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )

describe('auth under load', () => {
  const rig = useRig()

  it('200 concurrent calls without a token make exactly one login', async () => {
    const r = rig.current
    r.server.clearRequests()
    const c = r.client('crowd')
    const results = await within(
      Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          settle<unknown>(i % 2 ? c.whoami() : c.paginateNamespaces({ page_size: 5 })),
        ),
      ),
      20_000,
      '200 calls',
    )
    const failed = results.filter((x) => !x.ok)
    console.log(`[auth] 200 concurrent calls: ${logins(r)} login(s), ${failed.length} failed`)
    expect(failed).toEqual([])
    expect(logins(r)).toBe(1)
  }, 30_000)

  it('an always-401 route: one re-login, then AuthorizationError, for one call and for 50', async () => {
    const r = rig.current
    const c = r.client('denied')
    await c.authorize()
    const fault = r.server.faults.add({ path: /^\/v1\/(?!auth\/)/, kind: 'status', status: 401, rate: 1 })
    try {
      r.server.clearRequests()
      const one = await within(settle(c.whoami()), 5_000, 'a call answered 401 forever')
      expect(one.ok).toBe(false)
      expect(!one.ok && one.error).toBeInstanceOf(AuthorizationError)
      const routeHits = r.server.requests.filter((x) => x.path === '/v1/users/me').length
      expect(routeHits).toBe(2) // the call, then once more after the re-login
      expect(logins(r)).toBe(1)

      r.server.clearRequests()
      const many = await within(Promise.all(Array.from({ length: 50 }, () => settle(c.whoami()))), 10_000, '50 calls')
      for (const x of many) expect(!x.ok && x.error).toBeInstanceOf(AuthorizationError)
      const hits = r.server.requests.filter((x) => x.path === '/v1/users/me').length
      console.log(`[auth] always 401: 1 call → 2 attempts; 50 calls → ${hits} attempts, ${logins(r)} re-login(s)`)
      expect(hits).toBeLessThanOrEqual(100)
      // 50 calls rejected with the same token share one re-login
      expect(logins(r)).toBe(1)
    } finally {
      r.server.faults.remove(fault)
    }
  }, 30_000)

  it('a login answered 401: 50 waiting calls share the one failed login and all get AuthorizationError', async () => {
    const r = rig.current
    const fault = r.server.faults.add({ path: TOKEN, kind: 'status', status: 401, rate: 1 })
    try {
      r.server.clearRequests()
      const c = r.client('nobody', { retry: { total: 3, backoffFactor: 0 } })
      const many = await within(Promise.all(Array.from({ length: 50 }, () => settle(c.whoami()))), 10_000, '50 calls')
      for (const x of many) expect(!x.ok && x.error).toBeInstanceOf(AuthorizationError)
      expect(logins(r)).toBe(1)
      expect(r.server.requests.filter((x) => x.path === '/v1/users/me')).toEqual([])
    } finally {
      r.server.faults.remove(fault)
    }
  }, 30_000)

  it('one caller aborting while the shared login is in flight fails that caller alone', async () => {
    const r = rig.current
    const unhandled = trackUnhandled()
    r.proxy.rules = [{ path: TOKEN, kind: 'delay', delayMs: 300 }]
    try {
      // The first caller starts the login; then the first, a middle one and the last one abort.
      for (const aborting of [0, 9, 19]) {
        r.server.clearRequests()
        const c = r.client(`shared${aborting}`)
        const stop = new AbortController()
        const calls = Array.from({ length: 20 }, (_, i) =>
          settle(c.whoami(i === aborting ? { signal: stop.signal } : undefined)),
        )
        await sleep(50)
        const abortedAt = performance.now()
        stop.abort()
        const first = await calls[aborting]!
        const abortMs = performance.now() - abortedAt
        const all = await within(Promise.all(calls), 5_000, 'callers of the shared login')
        const others = all.filter((_, i) => i !== aborting)
        console.log(
          `[auth] caller ${aborting} aborted during the login: rejected after ${abortMs.toFixed(1)} ms; ${others.filter((x) => x.ok).length}/19 others resolved; ${logins(r)} login(s)`,
        )
        expect(!first.ok && first.error).toBeInstanceOf(AbortError)
        expect(!first.ok && first.error).toBeInstanceOf(HorizonError)
        expect(abortMs).toBeLessThan(100)
        expect(others.map((x) => (x.ok ? 'ok' : String(x.error)))).toEqual(Array(19).fill('ok'))
        expect(logins(r)).toBe(1)
      }
      // Every caller leaves: each gets AbortError, and the next call logs in afresh and works.
      const c = r.client('everyone-leaves')
      const stop = new AbortController()
      const calls = Array.from({ length: 10 }, () => settle(c.whoami({ signal: stop.signal })))
      await sleep(50)
      stop.abort()
      for (const x of await within(Promise.all(calls), 2_000, 'aborted callers'))
        expect(!x.ok && x.error).toBeInstanceOf(AbortError)
      await expect(within(c.whoami(), 5_000, 'the call after')).resolves.toMatchObject({ username: 'everyone-leaves' })
    } finally {
      r.proxy.rules = []
      unhandled.stop()
    }
    expect(unhandled.reasons.map(String)).toEqual([])
  }, 30_000)
})

describe('token expiry under load', () => {
  const TTL = 1
  const rig = useRig({ server: { tokenTtlSeconds: TTL } })

  /** Calls in waves for `ms`; answers the login times (test-side fetch observer) and the failures. */
  async function drive(r: Rig, skewSeconds: number, ms: number) {
    const loginTimes: number[] = []
    const observe: typeof fetch = (input, init) => {
      if (String(input).endsWith(TOKEN)) loginTimes.push(performance.now())
      return fetch(input, init)
    }
    const c = new HorizonClient({
      baseUrl: r.proxy.url,
      auth: new LoginPassword({ login: `ttl${skewSeconds}`, password: PASSWORD, skewSeconds }),
      fetch: observe,
    })
    r.server.clearRequests()
    const failures: unknown[] = []
    let calls = 0
    const started = performance.now()
    while (performance.now() - started < ms) {
      const wave = Array.from({ length: 25 }, () => c.whoami().catch((e: unknown) => void failures.push(e)))
      calls += wave.length
      await within(Promise.all(wave), 5_000, 'a wave of calls')
      await sleep(30)
    }
    const elapsed = (performance.now() - started) / 1000
    const gaps = loginTimes.slice(1).map((t, i) => (t - loginTimes[i]!) / 1000)
    const unauthorized = r.server.requests.filter((x) => x.status === 401).length
    return { calls, failures, elapsed, logins: logins(r), gaps, unauthorized }
  }

  it('tokens expiring mid-run (TTL 1 s, no skew): one re-login per expiry, no call fails', async () => {
    const run = await drive(rig.current, 0, 3_300)
    console.log(
      `[auth] ttl ${TTL}s, skew 0: ${run.calls} calls over ${run.elapsed.toFixed(2)} s, ${run.logins} logins, gaps ${run.gaps.map((g) => g.toFixed(2))} s, ${run.unauthorized} answers 401 (recovered)`,
    )
    expect(run.failures.map(String)).toEqual([])
    // one login per token lifetime: never two for one expiry
    for (const gap of run.gaps) expect(gap).toBeGreaterThan(TTL * 0.8)
    expect(run.logins).toBeGreaterThanOrEqual(Math.floor(run.elapsed / TTL))
    expect(run.logins).toBeLessThanOrEqual(Math.ceil(run.elapsed / TTL) + 1)
  }, 30_000)

  it('tokens renewed before expiry (default skew: halfway through a 1 s token): one login per renewal, no 401', async () => {
    const run = await drive(rig.current, 30, 2_300)
    console.log(
      `[auth] ttl ${TTL}s, skew 30 (renew at half-life): ${run.calls} calls, ${run.logins} logins, gaps ${run.gaps.map((g) => g.toFixed(2))} s, ${run.unauthorized} answers 401`,
    )
    expect(run.failures.map(String)).toEqual([])
    for (const gap of run.gaps) expect(gap).toBeGreaterThan((TTL / 2) * 0.8)
    expect(run.logins).toBeLessThanOrEqual(Math.ceil(run.elapsed / (TTL / 2)) + 1)
    expect(run.unauthorized).toBe(0)
  }, 30_000)
})
