import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HorizonServer, startHorizonServer } from '../src/index.js'
import { call } from './server-helpers.js'

const timed = async (url: string) => {
  const start = performance.now()
  const res = await call(url)
  return { status: res.status, ms: performance.now() - start }
}

describe('added latency', () => {
  let server: HorizonServer
  beforeAll(async () => {
    server = await startHorizonServer({ port: 0, latencyMs: 150 })
  })
  afterAll(() => server.close())

  it('delays every request by the configured latency, changeable at run time', async () => {
    const slow = await timed(`${server.url}/monitoring/ping`)
    expect(slow.status).toBe(200)
    expect(slow.ms).toBeGreaterThanOrEqual(140)
    server.setLatency(0)
    expect((await timed(`${server.url}/monitoring/ping`)).ms).toBeLessThan(100)
    server.setLatency(200)
    const again = await timed(`${server.url}/v1/nope`)
    expect(again.status).toBe(404)
    expect(again.ms).toBeGreaterThanOrEqual(190)
    server.setLatency(0)
  })

  it('delays requests in parallel, not one after the other', async () => {
    server.setLatency(200)
    const start = performance.now()
    const results = await Promise.all(Array.from({ length: 20 }, () => call(`${server.url}/monitoring/ping`)))
    expect(results.every((r) => r.status === 200)).toBe(true)
    expect(performance.now() - start).toBeLessThan(1500)
    server.setLatency(0)
  })
})
