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
})
