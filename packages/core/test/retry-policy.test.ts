/**
 * The retry policy end to end, on a real local server: `RateLimit-Reset` as a wait when there is no
 * `Retry-After`, the caller's `retry.shouldRetry` and `retry.delay`, and `with()` merging hooks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HorizonClient, HorizonError } from '../src/index.js'
import { rawServer } from './support.js'

type Answer = { status?: number; body?: string; headers?: Record<string, string> }
let answers: Answer[] = []
const PONG = { status: 200, body: '{"status":"ok"}' }
let srv: Awaited<ReturnType<typeof rawServer>>
beforeAll(async () => {
  srv = await rawServer(() => answers.shift() ?? PONG)
})
afterAll(() => srv.close())
const count = async (fn: () => Promise<unknown>) => {
  const before = srv.requests.length
  const outcome = await fn().then(
    (v) => v,
    (e: unknown) => e,
  )
  return { outcome, sent: srv.requests.length - before }
}
const tooMany = (headers: Record<string, string>): Answer => ({
  status: 429,
  headers,
  body: '{"error":{"code":"too_many_requests","message":"Too many requests","details":null}}',
})

describe('RateLimit-Reset', () => {
  it('a 429 with RateLimit-Reset (delta seconds) is waited for and retried, as Retry-After is', async () => {
    answers = [tooMany({ 'ratelimit-reset': '0.05' })]
    const delays: number[] = []
    const c = new HorizonClient({ baseUrl: srv.url, hooks: { onRetry: (e) => void delays.push(e.delayMs) } })
    const { outcome, sent } = await count(() => c.ping())
    expect(outcome).toEqual({ status: 'ok' })
    expect(sent).toBe(2)
    expect(delays).toEqual([50])
  })

  it('Retry-After wins over RateLimit-Reset; a reset given as a Unix time is a wait until then', async () => {
    const delays: number[] = []
    const c = new HorizonClient({ baseUrl: srv.url, hooks: { onRetry: (e) => void delays.push(e.delayMs) } })
    answers = [tooMany({ 'retry-after': '0', 'ratelimit-reset': '30' })]
    expect((await count(() => c.ping())).sent).toBe(2)
    answers = [tooMany({ 'ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1) })]
    expect((await count(() => c.ping())).sent).toBe(2)
    expect(delays[0]).toBe(0)
    expect(delays[1]).toBeGreaterThan(0)
    expect(delays[1]).toBeLessThanOrEqual(2000)
  })

  it('a RateLimit-Reset beyond retry.maxRetryAfter fails at once, the error carrying the wait', async () => {
    answers = [tooMany({ 'ratelimit-reset': '3600' })]
    const c = new HorizonClient({ baseUrl: srv.url })
    const { outcome, sent } = await count(() => c.ping())
    expect(outcome).toBeInstanceOf(HorizonError)
    expect((outcome as HorizonError).status).toBe(429)
    expect((outcome as HorizonError).retryAfter).toBe(3600)
    expect(sent).toBe(1)
  })

  it('a POST is resent on a 429 with RateLimit-Reset (the server did not process it), never on a bare 429', async () => {
    const c = new HorizonClient({ baseUrl: srv.url })
    answers = [tooMany({ 'ratelimit-reset': '0' }), { status: 200, body: '{"access_token":"x","token_type":"bearer"}' }]
    expect((await count(() => c.login('me', 'pw'))).sent).toBe(2)
    answers = [tooMany({})]
    expect((await count(() => c.login('me', 'pw'))).sent).toBe(1)
    answers = []
  })
})

describe('retry.shouldRetry and retry.delay', () => {
  const error500: Answer = {
    status: 500,
    body: '{"error":{"code":"unknown","message":"Got unhandled exception","details":null}}',
  }

  it('shouldRetry true retries what the rules would not (a 500), false stops what they would (a 503)', async () => {
    const seen: unknown[] = []
    const c = new HorizonClient({
      baseUrl: srv.url,
      retry: {
        backoffFactor: 0,
        shouldRetry: ({ failure, retry, attempt }) => {
          seen.push([failure.status, retry, attempt])
          return failure.status === 500 ? true : failure.status === 503 ? false : undefined
        },
      },
    })
    answers = [error500, error500]
    expect((await count(() => c.ping())).sent).toBe(3)
    answers = [{ ...error500, status: 503 }]
    expect((await count(() => c.ping())).sent).toBe(1)
    // the rules' verdict comes along: false for the 500s, true for the 503
    expect(seen).toEqual([
      [500, false, 1],
      [500, false, 2],
      [503, true, 1],
    ])
  })

  it('undefined keeps the rules, and retry.total still bounds a shouldRetry that always says yes', async () => {
    const c = new HorizonClient({ baseUrl: srv.url, retry: { total: 2, backoffFactor: 0, shouldRetry: () => true } })
    answers = [error500, error500, error500, error500]
    expect((await count(() => c.ping())).sent).toBe(3)
    answers = []
  })

  it('delay gets the rules’ wait and chooses the one used (onRetry reports it)', async () => {
    const asked: number[] = []
    const used: number[] = []
    const c = new HorizonClient({
      baseUrl: srv.url,
      retry: {
        delay: ({ delayMs, attempt }) => {
          asked.push(delayMs)
          return attempt * 5
        },
      },
      hooks: { onRetry: (e) => void used.push(e.delayMs) },
    })
    answers = [tooMany({ 'retry-after': '0.02' }), { ...error500, status: 503 }]
    expect((await count(() => c.ping())).sent).toBe(3)
    expect(asked).toEqual([20, 200]) // Retry-After, then urllib3's backoff for the 2nd retry (0.1 · 2)
    expect(used).toEqual([5, 10])
  })
})

describe('with()', () => {
  it('merges hooks (both run, the parent’s first) and headers, and replaces the rest', async () => {
    const calls: string[] = []
    const parent = new HorizonClient({
      baseUrl: srv.url,
      headers: { 'x-a': '1' },
      retry: { total: 0 },
      hooks: { onRequest: () => void calls.push('parent') },
    })
    const child = parent.with({
      headers: { 'x-b': '2' },
      retry: { total: 1, backoffFactor: 0 },
      hooks: { onRequest: () => void calls.push('child'), onRetry: () => void calls.push('retry') },
    })
    answers = [{ status: 503, body: '{}' }]
    await child.ping()
    expect(calls).toEqual(['parent', 'child', 'retry', 'parent', 'child'])
    expect(srv.requests.at(-1)?.headers).toMatchObject({ 'x-a': '1', 'x-b': '2' })
    calls.length = 0
    await parent.ping()
    expect(calls).toEqual(['parent'])
  })
})
