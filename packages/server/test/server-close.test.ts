import { describe, expect, it } from 'vitest'
import { startHorizonServer } from '../src/index.js'

describe('close()', () => {
  it('closes promptly with a hanging request, an idle keep-alive connection and a sleeping request', async () => {
    const server = await startHorizonServer({ port: 0 })
    await (await fetch(`${server.url}/monitoring/ping`)).text() // leaves a keep-alive socket open
    server.faults.add({ path: '/monitoring/stats', kind: 'hang' })
    const hanging = fetch(`${server.url}/monitoring/stats`).then(
      () => 'answered',
      () => 'failed',
    )
    server.setLatency(60_000)
    const sleeping = fetch(`${server.url}/monitoring/ping`).then(
      () => 'answered',
      () => 'failed',
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    const start = performance.now()
    await server.close()
    expect(performance.now() - start).toBeLessThan(1000)
    expect(await hanging).toBe('failed')
    expect(await sleeping).toBe('failed')
    await expect(fetch(`${server.url}/monitoring/ping`)).rejects.toThrow()
    await server.close() // twice is fine
  })
})
