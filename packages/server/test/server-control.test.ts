import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HorizonServer, startHorizonServer } from '../src/index.js'
import { call, client, login } from './server-helpers.js'

describe('test-control API (/__control/)', () => {
  let server: HorizonServer
  let control: ReturnType<typeof client>
  beforeAll(async () => {
    server = await startHorizonServer({ port: 0, control: true, seed: 'demo' })
    control = client(`${server.url}/__control`)
  })
  afterAll(() => server.close())

  it('adds, lists, removes and clears faults', async () => {
    const added = await control.post('/faults', {
      method: 'GET',
      path: '/monitoring/ping',
      kind: 'status',
      status: 503,
      times: 2,
    })
    expect(added.status).toBe(201)
    const regex = await control.post('/faults', { pathRegex: '^/v1/hwm/\\d+$', kind: 'reset', rate: 0.5 })
    expect((await control.get('/faults')).body).toEqual([
      {
        id: added.body.id,
        method: 'GET',
        path: '/monitoring/ping',
        kind: 'status',
        status: 503,
        times: 2,
        seen: 0,
        hits: 0,
      },
      { id: regex.body.id, pathRegex: /^\/v1\/hwm\/\d+$/.source, kind: 'reset', rate: 0.5, seen: 0, hits: 0 },
    ])
    expect((await call(`${server.url}/monitoring/ping`)).status).toBe(503)
    expect((await control.delete(`/faults/${regex.body.id}`)).status).toBe(204)
    expect((await control.delete(`/faults/${regex.body.id}`)).status).toBe(404)
    expect((await control.delete('/faults')).status).toBe(204)
    expect((await control.get('/faults')).body).toEqual([])
    expect((await call(`${server.url}/monitoring/ping`)).status).toBe(200)
  })

  it('refuses invalid faults with 400', async () => {
    const res = await control.post('/faults', { kind: 'explode' })
    expect(res.status).toBe(400)
    expect(res.body.detail).toMatch(/Unknown fault kind/)
    expect((await call(`${server.url}/__control/faults`, { method: 'POST', body: '{oops' })).status).toBe(400)
  })

  it('sets latency', async () => {
    expect((await control.post('/latency', { ms: 120 })).body).toEqual({ ms: 120 })
    expect((await control.get('/latency')).body).toEqual({ ms: 120 })
    const start = performance.now()
    await call(`${server.url}/monitoring/ping`)
    expect(performance.now() - start).toBeGreaterThanOrEqual(110)
    await control.post('/latency', { ms: 0 })
    expect((await control.post('/latency', { ms: -1 })).status).toBe(400)
  })

  it('resets the data, to another seed if asked', async () => {
    const alice = client(server.url, await login(server.url, 'alice'))
    expect((await alice.post('/v1/namespaces/', { name: 'will_vanish' })).status).toBe(201)
    expect((await control.post('/reset', { seed: 'empty' })).body).toEqual({ seed: 'empty' })
    // Users are wiped too, and the random secret renewed: old tokens no longer work.
    expect((await alice.get('/v1/users/me')).status).toBe(401)
    const again = client(server.url, await login(server.url, 'alice'))
    expect((await again.get('/v1/namespaces/')).body.meta.total_count).toBe(0)
    await control.post('/reset', {})
    const fresh = client(server.url, await login(server.url, 'alice'))
    expect((await fresh.get('/v1/namespaces/')).body.meta.total_count).toBe(5)
    expect((await control.post('/reset', { seed: 'bogus' })).status).toBe(400)
  })

  it('reads and clears the request log', async () => {
    await control.delete('/requests')
    await call(`${server.url}/monitoring/ping?x=1`)
    expect((await control.get('/requests')).body).toEqual([
      { method: 'GET', path: '/monitoring/ping', search: '?x=1', status: 200 },
    ])
    expect((await control.delete('/requests')).status).toBe(204)
    expect((await control.get('/requests')).body).toEqual([])
  })

  it('carries the usual headers and is never faulted or delayed', async () => {
    server.faults.add({ kind: 'hang' })
    server.setLatency(5_000)
    const res = await control.get('/faults')
    expect(res.status).toBe(200)
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/)
    expect((await control.delete('/faults')).status).toBe(204)
    await control.post('/latency', { ms: 0 })
  })

  it('does not exist without control: true', async () => {
    const plain = await startHorizonServer({ port: 0 })
    try {
      const res = await call(`${plain.url}/__control/faults`)
      expect(res.status).toBe(404)
      expect(res.body).toEqual({ detail: 'Not Found' })
    } finally {
      await plain.close()
    }
  })
})
