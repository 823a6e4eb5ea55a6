import { describe, expect, it } from 'vitest'
import { backoffMs, retryAfterMs, retryDefaults, shouldRetry } from '../src/transport/retry.js'

const rules = { ...retryDefaults, statusForcelist: [502, 503, 504] }

describe('shouldRetry: method × status × Retry-After', () => {
  const idempotent = ['GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']
  const unsafe = ['POST', 'PATCH']

  it.each(idempotent)('%s retries on connection errors, timeouts and forcelist statuses', (method) => {
    expect(shouldRetry(method, { kind: 'network' }, rules)).toBe(true)
    expect(shouldRetry(method, { kind: 'timeout' }, rules)).toBe(true)
    for (const status of [502, 503, 504]) expect(shouldRetry(method, { kind: 'status', status }, rules)).toBe(true)
    for (const status of [400, 401, 403, 404, 409, 422, 500])
      expect(shouldRetry(method, { kind: 'status', status }, rules)).toBe(false)
    expect(shouldRetry(method, { kind: 'abort' }, rules)).toBe(false)
  })

  it.each(idempotent)('%s honours Retry-After on 413, 429 and 503 even outside the forcelist', (method) => {
    const none = { ...rules, statusForcelist: [] }
    for (const status of [413, 429, 503])
      expect(shouldRetry(method, { kind: 'status', status, retryAfter: 1000 }, none)).toBe(true)
    expect(shouldRetry(method, { kind: 'status', status: 429 }, none)).toBe(false)
    expect(shouldRetry(method, { kind: 'status', status: 500, retryAfter: 1000 }, none)).toBe(false)
  })

  it.each(unsafe)('%s is never resent on errors that may have reached the server', (method) => {
    expect(shouldRetry(method, { kind: 'network' }, rules)).toBe(false)
    expect(shouldRetry(method, { kind: 'timeout' }, rules)).toBe(false)
    for (const status of [500, 502, 503, 504, 429])
      expect(shouldRetry(method, { kind: 'status', status }, rules)).toBe(false)
  })

  it.each(unsafe)('%s is resent only on 429 or 503 with Retry-After', (method) => {
    expect(shouldRetry(method, { kind: 'status', status: 429, retryAfter: 0 }, rules)).toBe(true)
    expect(shouldRetry(method, { kind: 'status', status: 503, retryAfter: 2000 }, rules)).toBe(true)
    expect(shouldRetry(method, { kind: 'status', status: 413, retryAfter: 2000 }, rules)).toBe(false)
    expect(shouldRetry(method, { kind: 'status', status: 502, retryAfter: 2000 }, rules)).toBe(false)
  })
})

describe('backoffMs (urllib3: none before the first retry, then factor × 2^(n-1))', () => {
  it('grows exponentially from the second retry', () => {
    const r = { ...rules, backoffFactor: 0.1 }
    expect([1, 2, 3, 4].map((n) => backoffMs(n, r))).toEqual([0, 200, 400, 800])
  })
  it('adds jitter up to backoffJitter and caps at backoffMax', () => {
    const r = { ...rules, backoffFactor: 1, backoffJitter: 0.5, backoffMax: 3 }
    expect(backoffMs(2, r, () => 1)).toBe(2500)
    expect(backoffMs(2, r, () => 0)).toBe(2000)
    expect(backoffMs(5, r, () => 0)).toBe(3000)
  })
})

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3')).toBe(3000)
    expect(retryAfterMs('0.5')).toBe(500)
    const now = Date.parse('Sun, 22 Nov 2026 20:00:00 GMT')
    expect(retryAfterMs('Sun, 22 Nov 2026 20:00:07 GMT', now)).toBe(7000)
    expect(retryAfterMs('Sun, 22 Nov 2026 19:00:00 GMT', now)).toBe(0)
  })
  it('ignores absent or invalid values', () => {
    expect(retryAfterMs(null)).toBeUndefined()
    expect(retryAfterMs('soon')).toBeUndefined()
  })
})
