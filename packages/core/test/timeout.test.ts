import { describe, expect, it } from 'vitest'
import { AbortError, HorizonClient, TimeoutError } from '../src/index.js'
import { isRemote, useTarget } from './server.js'

describe.skipIf(isRemote)('timeouts and aborts', () => {
  const t = useTarget()

  it('connectionTimeout bounds the wait for headers on a hanging route', async () => {
    const c = t.client('alice', { timeout: { connectionTimeout: 0.3, requestTimeout: 10 } })
    await c.whoami()
    t.server!.faults.add({ path: '/v1/users/me', kind: 'hang' })
    const started = Date.now()
    const e = await c.whoami().catch((x: unknown) => x)
    expect(e).toBeInstanceOf(TimeoutError)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('requestTimeout bounds the whole call', async () => {
    const c = t.client('alice', { timeout: { connectionTimeout: 10, requestTimeout: 0.3 } })
    await c.whoami()
    t.server!.setLatency(1000)
    try {
      await expect(c.whoami()).rejects.toBeInstanceOf(TimeoutError)
    } finally {
      t.server!.setLatency(0)
    }
  })

  it('an idempotent call that timed out is retried', async () => {
    const c = t.client('alice', { timeout: { connectionTimeout: 0.3 }, retry: { total: 1, backoffFactor: 0 } })
    await c.whoami()
    t.server!.faults.add({ path: '/v1/users/me', kind: 'hang', times: 1 })
    expect((await c.whoami()).username).toBe('alice')
  })

  it("the caller's signal aborts with AbortError, distinct from a timeout", async () => {
    const c = t.client()
    await c.whoami()
    t.server!.faults.add({ path: '/v1/users/me', kind: 'hang' })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const e = await c.whoami({ signal: controller.signal }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(AbortError)
    expect(e).not.toBeInstanceOf(TimeoutError)
  })

  it('an already aborted signal sends nothing', async () => {
    const c = new HorizonClient({ baseUrl: t.url })
    t.server!.clearRequests()
    await expect(c.ping({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError)
    expect(t.server!.requests).toHaveLength(0)
  })
})
