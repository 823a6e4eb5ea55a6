import { describe, expect, it } from 'vitest'
import { NetworkError, ServiceUnavailableError, UnexpectedResponseError } from '../src/index.js'
import { isRemote, uniq, useTarget } from './server.js'

// The retry rules against the dev server's injected faults: what is resent, what never is.
describe.skipIf(isRemote)('retries against injected faults', () => {
  const t = useTarget()
  const client = () => t.client('alice', { retry: { total: 3, backoffFactor: 0.01 } })
  const sent = (path: string, method: string) =>
    t.server!.requests.filter((r) => r.path === path && r.method === method).map((r) => r.status)

  it('GET: 502/503/504 are retried until an answer comes', async () => {
    const c = client()
    await c.whoami()
    for (const status of [502, 503, 504]) {
      t.server!.clearRequests()
      t.server!.faults.add({ method: 'GET', path: '/v1/users/me', kind: 'status', status, times: 2 })
      expect((await c.whoami()).username).toBe('alice')
      expect(sent('/v1/users/me', 'GET')).toEqual([status, status, 200])
    }
  })

  it('GET: a reset connection is retried', async () => {
    const c = client()
    await c.whoami()
    t.server!.faults.add({ method: 'GET', path: '/monitoring/ping', kind: 'reset', times: 1 })
    expect(await c.ping()).toEqual({ status: 'ok' })
  })

  it('GET: gives up after `total` retries', async () => {
    const c = client()
    await c.whoami()
    t.server!.clearRequests()
    t.server!.faults.add({ method: 'GET', path: '/v1/users/me', kind: 'status', status: 503, times: 10 })
    await expect(c.whoami()).rejects.toBeInstanceOf(ServiceUnavailableError)
    expect(sent('/v1/users/me', 'GET')).toHaveLength(4)
    t.server!.faults.clear()
  })

  it('POST: a 503 without Retry-After is not resent, and nothing is created twice', async () => {
    const c = client()
    const name = uniq('once')
    await c.whoami()
    t.server!.clearRequests()
    t.server!.faults.add({ method: 'POST', path: '/v1/namespaces/', kind: 'status', status: 503 })
    await expect(c.createNamespace({ name })).rejects.toBeInstanceOf(ServiceUnavailableError)
    expect(sent('/v1/namespaces/', 'POST')).toEqual([503])
    expect((await c.paginateNamespaces({ name })).items).toEqual([])
  })

  it('POST: a reset connection is not resent', async () => {
    const c = client()
    await c.whoami()
    t.server!.clearRequests()
    t.server!.faults.add({ method: 'POST', path: '/v1/namespaces/', kind: 'reset' })
    await expect(c.createNamespace({ name: uniq('reset') })).rejects.toBeInstanceOf(NetworkError)
    expect(t.server!.requests.filter((r) => r.method === 'POST' && r.path === '/v1/namespaces/')).toHaveLength(1)
  })

  it('POST: 429 and 503 with Retry-After are resent once the wait is over; one namespace results', async () => {
    const c = client()
    const name = uniq('later')
    await c.whoami()
    t.server!.clearRequests()
    t.server!.faults.add({ method: 'POST', path: '/v1/namespaces/', kind: 'status', status: 429, retryAfter: 0 })
    t.server!.faults.add({ method: 'POST', path: '/v1/namespaces/', kind: 'status', status: 503, retryAfter: 1 })
    const started = Date.now()
    const ns = await c.createNamespace({ name })
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(sent('/v1/namespaces/', 'POST')).toEqual([429, 503, 201])
    expect((await c.paginateNamespaces({ name })).items).toEqual([ns])
  })

  it('PATCH: a 502 HTML page from a proxy is not resent and surfaces as UnexpectedResponseError', async () => {
    const c = client()
    const ns = await c.createNamespace({ name: uniq('px') })
    t.server!.clearRequests()
    t.server!.faults.add({ method: 'PATCH', path: `/v1/namespaces/${ns.id}`, kind: 'html', status: 502 })
    await expect(c.updateNamespace(ns.id, { description: 'x' })).rejects.toBeInstanceOf(UnexpectedResponseError)
    expect(sent(`/v1/namespaces/${ns.id}`, 'PATCH')).toHaveLength(1)
    expect((await c.getNamespace(ns.id)).description).toBe('')
  })

  it('retry: false sends once', async () => {
    const c = t.client('alice', { retry: false })
    await c.whoami()
    t.server!.clearRequests()
    t.server!.faults.add({ method: 'GET', path: '/v1/users/me', kind: 'status', status: 503 })
    await expect(c.whoami()).rejects.toBeInstanceOf(ServiceUnavailableError)
    expect(sent('/v1/users/me', 'GET')).toEqual([503])
  })
})
