/** A `Retry-After` longer than `retry.maxRetryAfter` fails at once with the error that carries it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HorizonClient, ServiceUnavailableError } from '../src/index.js'
import { rawServer } from './support.js'

let retryAfter = '3600'
let srv: Awaited<ReturnType<typeof rawServer>>
beforeAll(async () => {
  srv = await rawServer(() => ({
    status: 503,
    headers: { 'retry-after': retryAfter },
    body: '{"error":{"code":"service_unavailable","message":"Service unavailable","details":null}}',
  }))
})
afterAll(() => srv.close())

describe('retry.maxRetryAfter', () => {
  it('the default (120 s) refuses to wait an hour: one request, ServiceUnavailableError with retryAfter', async () => {
    retryAfter = '3600'
    const c = new HorizonClient({ baseUrl: srv.url })
    const before = srv.requests.length
    const e = await c.ping().catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ServiceUnavailableError)
    expect((e as ServiceUnavailableError).retryAfter).toBe(3600)
    expect(srv.requests.length - before).toBe(1)
  })

  it('an HTTP-date Retry-After beyond the cap fails at once too', async () => {
    retryAfter = new Date(Date.now() + 600_000).toUTCString()
    const c = new HorizonClient({ baseUrl: srv.url, retry: { maxRetryAfter: 60 } })
    const before = srv.requests.length
    const e = await c.ping().catch((x: unknown) => x)
    expect((e as ServiceUnavailableError).retryAfter).toBeGreaterThan(500)
    expect(srv.requests.length - before).toBe(1)
  })

  it('a Retry-After within the cap is waited for and retried', async () => {
    retryAfter = '0.05'
    const c = new HorizonClient({ baseUrl: srv.url, retry: { total: 2, maxRetryAfter: 1 } })
    const before = srv.requests.length
    await expect(c.ping()).rejects.toBeInstanceOf(ServiceUnavailableError)
    expect(srv.requests.length - before).toBe(3)
  })
})
