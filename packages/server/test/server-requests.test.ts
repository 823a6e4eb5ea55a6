import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HorizonServer, startHorizonServer } from '../src/index.js'
import { call, client, login } from './server-helpers.js'

describe('request log', () => {
  let server: HorizonServer
  beforeAll(async () => {
    server = await startHorizonServer({ port: 0, control: true })
  })
  afterAll(() => server.close())

  it('records method, path, query and status of every request, in order', async () => {
    const token = await login(server.url, 'alice')
    const alice = client(server.url, token)
    server.clearRequests()
    await alice.get('/v1/namespaces/?page=1&page_size=5')
    await alice.get('/v1/hwm/abc')
    await call(`${server.url}/v1/namespaces`)
    await call(`${server.url}/nowhere`, { method: 'PUT' })
    expect(server.requests).toEqual([
      { method: 'GET', path: '/v1/namespaces/', search: '?page=1&page_size=5', status: 200 },
      { method: 'GET', path: '/v1/hwm/abc', search: '', status: 422 },
      { method: 'GET', path: '/v1/namespaces', search: '', status: 307 },
      { method: 'PUT', path: '/nowhere', search: '', status: 404 },
    ])
  })

  it('logs faulted requests (0 when no answer was sent) but not control calls', async () => {
    server.clearRequests()
    server.faults.add({ path: '/monitoring/ping', kind: 'reset' })
    server.faults.add({ path: '/monitoring/stats', kind: 'status', status: 502 })
    await expect(fetch(`${server.url}/monitoring/ping`)).rejects.toThrow()
    await call(`${server.url}/monitoring/stats`)
    await call(`${server.url}/__control/requests`)
    expect(server.requests).toEqual([
      { method: 'GET', path: '/monitoring/ping', search: '', status: 0 },
      { method: 'GET', path: '/monitoring/stats', search: '', status: 502 },
    ])
    server.clearRequests()
    expect(server.requests).toEqual([])
  })

  it('keeps only the newest requestLogSize entries, oldest dropped first (default 1,000)', async () => {
    const small = await startHorizonServer({ port: 0, requestLogSize: 3 })
    const big = await startHorizonServer({ port: 0 })
    try {
      for (const i of [1, 2, 3, 4, 5]) await call(`${small.url}/monitoring/ping?i=${i}`)
      expect(small.requests.map((r) => r.search)).toEqual(['?i=3', '?i=4', '?i=5'])
      small.clearRequests()
      await call(`${small.url}/monitoring/ping?i=6`)
      expect(small.requests.map((r) => r.search)).toEqual(['?i=6'])
      await Promise.all(Array.from({ length: 1005 }, (_, i) => call(`${big.url}/nowhere?i=${i}`)))
      await call(`${big.url}/monitoring/ping?last`)
      expect(big.requests).toHaveLength(1000)
      expect(big.requests.at(-1)).toEqual({ method: 'GET', path: '/monitoring/ping', search: '?last', status: 200 })
    } finally {
      await Promise.all([small.close(), big.close()])
    }
    // 1,005 requests at once: about 1 s alone, and it passed 5 s once on a machine busy with other suites.
  }, 30_000)

  it('requestLogSize 0 keeps nothing; a negative or fractional size is refused', async () => {
    const none = await startHorizonServer({ port: 0, requestLogSize: 0 })
    try {
      await call(`${none.url}/monitoring/ping`)
      expect(none.requests).toEqual([])
    } finally {
      await none.close()
    }
    await expect(startHorizonServer({ port: 0, requestLogSize: -1 })).rejects.toThrow(/requestLogSize/)
    await expect(startHorizonServer({ port: 0, requestLogSize: 1.5 })).rejects.toThrow(/requestLogSize/)
  })

  it('counts every request in /monitoring/metrics, also those the ring has dropped', async () => {
    const small = await startHorizonServer({ port: 0, requestLogSize: 2 })
    try {
      for (let i = 0; i < 5; i++) await call(`${small.url}/monitoring/ping`)
      await call(`${small.url}/nowhere`)
      const metrics = (await call(`${small.url}/monitoring/metrics`)).text
      expect(metrics).toContain('starlette_requests_total{app_name="horizon",method="GET",status_code="200"} 5.0\n')
      expect(metrics).toContain('starlette_requests_total{app_name="horizon",method="GET",status_code="404"} 1.0\n')
    } finally {
      await small.close()
    }
  })
})
