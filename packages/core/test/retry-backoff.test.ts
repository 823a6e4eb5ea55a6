import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { HorizonClient, ServiceUnavailableError, UnexpectedResponseError } from '../src/index.js'
import { envelope, json, scriptedFetch } from './support.js'

// Backoff timing needs a fake clock, hence a scripted fetch here; the same rules run against the
// real server in retry.test.ts.
const hwm = { id: 1, namespace_id: 1, name: 'h', description: '', type: 't', value: 1, changed_at: 'x' }
const unavailable = envelope(503, 'service_unavailable', 'Service unavailable')

describe('retry timing (fake clock)', () => {
  beforeEach(async () => {
    // The lazily loaded parts arrive by real I/O, which a fake clock would hold up.
    await new HorizonClient({ baseUrl: 'http://h' }).ready()
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('GET: no wait before the first retry, then backoffFactor × 2^(n-1)', async () => {
    const s = scriptedFetch(unavailable, unavailable, unavailable, json(200, hwm))
    const delays: number[] = []
    const client = new HorizonClient({
      baseUrl: 'http://h',
      fetch: s.fetch,
      retry: { total: 3, backoffFactor: 1 },
      hooks: { onRetry: (e) => void delays.push(e.delayMs) },
    })
    const call = client.getHwm(1)
    await vi.advanceTimersByTimeAsync(0)
    expect(s.calls).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1999)
    expect(s.calls).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(s.calls).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(4000)
    expect(s.calls).toHaveLength(4)
    await expect(call).resolves.toEqual(hwm)
    expect(delays).toEqual([0, 2000, 4000])
  })

  it('jitter adds up to backoffJitter seconds', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
    const s = scriptedFetch(unavailable, unavailable, json(200, hwm))
    const delays: number[] = []
    const client = new HorizonClient({
      baseUrl: 'http://h',
      fetch: s.fetch,
      retry: { total: 2, backoffFactor: 1, backoffJitter: 1 },
      hooks: { onRetry: (e) => void delays.push(e.delayMs) },
    })
    const call = client.getHwm(1)
    await vi.advanceTimersByTimeAsync(3000)
    await expect(call).resolves.toEqual(hwm)
    expect(delays).toEqual([0, 2500])
  })

  it('gives up after `total` retries with the last error', async () => {
    const s = scriptedFetch(unavailable)
    const client = new HorizonClient({ baseUrl: 'http://h', fetch: s.fetch, retry: { total: 2, backoffFactor: 0 } })
    const call = expect(client.getHwm(1)).rejects.toBeInstanceOf(ServiceUnavailableError)
    await vi.advanceTimersByTimeAsync(10)
    await call
    expect(s.calls).toHaveLength(3)
  })

  it('Retry-After (seconds or HTTP date) replaces the backoff', async () => {
    vi.setSystemTime(Date.parse('Sun, 22 Nov 2026 20:00:00 GMT'))
    const s = scriptedFetch(
      envelope(503, 'service_unavailable', 'x', null, { 'retry-after': '3' }),
      envelope(503, 'service_unavailable', 'x', null, { 'retry-after': 'Sun, 22 Nov 2026 20:00:08 GMT' }),
      json(200, hwm),
    )
    const client = new HorizonClient({ baseUrl: 'http://h', fetch: s.fetch, retry: { total: 3, backoffFactor: 10 } })
    const call = client.getHwm(1)
    await vi.advanceTimersByTimeAsync(2999)
    expect(s.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(s.calls).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(4999)
    expect(s.calls).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    await expect(call).resolves.toEqual(hwm)
  })

  it('a POST answered 429 with Retry-After is sent again once the wait is over', async () => {
    const s = scriptedFetch(
      envelope(429, 'too_many_requests', 'slow down', null, { 'retry-after': '2' }),
      json(201, hwm),
    )
    const client = new HorizonClient({ baseUrl: 'http://h', fetch: s.fetch })
    const call = client.createHwm({ namespace_id: 1, name: 'h', type: 't', value: 1 })
    await vi.advanceTimersByTimeAsync(2000)
    await expect(call).resolves.toEqual(hwm)
    expect(s.calls.map((c) => c.method)).toEqual(['POST', 'POST'])
  })

  it('a POST answered 502 or 503 without Retry-After is not sent again', async () => {
    for (const status of [502, 503, 504]) {
      const s = scriptedFetch(json(status, { detail: 'bad gateway' }))
      const client = new HorizonClient({ baseUrl: 'http://h', fetch: s.fetch })
      const call = expect(client.createNamespace({ name: 'x' })).rejects.toBeInstanceOf(UnexpectedResponseError)
      await vi.advanceTimersByTimeAsync(1000)
      await call
      expect(s.calls).toHaveLength(1)
    }
  })

  it('an abort during the backoff wait ends the call at once', async () => {
    const s = scriptedFetch(unavailable, unavailable, json(200, hwm))
    const client = new HorizonClient({ baseUrl: 'http://h', fetch: s.fetch, retry: { total: 3, backoffFactor: 100 } })
    const controller = new AbortController()
    const call = expect(client.getHwm(1, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' })
    await vi.advanceTimersByTimeAsync(10)
    controller.abort()
    await call
    expect(s.calls).toHaveLength(2)
  })
})
