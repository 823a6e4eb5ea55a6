import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoUsers, type HorizonServer, startHorizonServer } from '../src/index.js'
import { call, login } from './server-helpers.js'

describe('load: 1,000 concurrent requests on loopback', () => {
  let server: HorizonServer
  let token: string
  beforeAll(async () => {
    server = await startHorizonServer({ port: 0, seed: 'demo' })
    token = await login(server.url, demoUsers[1]!.username)
  })
  afterAll(() => server.close())

  it('answers all of them with 200, over the 200-HWM demo data', { timeout: 60_000 }, async () => {
    const paths = [
      '/v1/hwm/?namespace_id=1&page_size=50',
      '/v1/namespaces/',
      '/v1/hwm/7',
      '/v1/hwm-history/?hwm_id=7',
      '/v1/namespace-history/?namespace_id=2',
      '/v1/namespaces/1/permissions',
      '/v1/users/me',
      '/monitoring/ping',
    ]
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => call(`${server.url}${paths[i % paths.length]}`, { token })),
    )
    expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([])
    expect(new Set(results.map((r) => r.headers.get('x-request-id'))).size).toBe(1000)
  })
})
